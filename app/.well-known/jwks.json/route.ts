import { publicJwks } from "@/lib/auth/keys";

// Read from the configuration at run time, never baked in at build time.
export const dynamic = "force-dynamic";

/** The public half of the signing key: any service can verify Login Lab's tokens with it. */
export async function GET() {
  return Response.json(await publicJwks(), { headers: { "Cache-Control": "public, max-age=300" } });
}
