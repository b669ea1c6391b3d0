import { publicJwks } from "@/lib/auth/keys";
import { env } from "@/lib/env";

// Read from the configuration at run time, never baked in at build time.
export const dynamic = "force-dynamic";

/**
 * The public halves of the signing keys — next, current and previous (lib/auth/keys.ts) — so any
 * service can verify Login Lab's tokens. A verifier may keep this for JWKS_CACHE_SECONDS: a next
 * key is published at least that long before it signs anything.
 */
export async function GET() {
  // RFC 7517's media type for a JWK Set.
  return Response.json(await publicJwks(), { headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": `public, max-age=${env().JWKS_CACHE_SECONDS}` } });
}
