import type { NextRequest } from "next/server";
import { ownersOf, storeView } from "@/lib/store-view";

export const dynamic = "force-dynamic";

/**
 * The live store view: rows and bytes per mode for everyone; the newest rows (shortened hashes,
 * user agents, token families) only of the users this request is logged in as — by the session
 * cookie or a Bearer access token. Anonymous callers get the counts alone.
 */
export async function GET(req: NextRequest) {
  return Response.json(await storeView(await ownersOf(req)), { headers: { "Cache-Control": "no-store", Vary: "Cookie, Authorization" } });
}
