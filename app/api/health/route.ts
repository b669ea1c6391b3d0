import { channelStatus } from "@/lib/auth/invalidation";
import { loadedKeySet } from "@/lib/auth/keys";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Ready when the app answers and its database does. Also says which instance this is and whether
 * its cache-invalidation channel is listening (the scale-out lab shows it for every instance).
 */
export async function GET() {
  // Stored signing keys that failed their checks on load (lib/auth/key-rotation.ts), ignored.
  const refusedKeys = loadedKeySet()?.refused ?? [];
  const about = { instance: env().CLUSTER_INSTANCE ?? null, sessionStore: env().SESSION_STORE, invalidation: channelStatus(), signingKeys: { refused: refusedKeys } };
  try {
    await db().user.count();
    return Response.json({ status: "ok", ...about }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", error: "database_unavailable", ...about }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
