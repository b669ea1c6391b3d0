import type { NextRequest } from "next/server";
import { listFamilies } from "@/lib/auth/hybrid-devices";
import * as Hybrid from "@/lib/auth/hybrid";
import { bearerFailure, instrumented, json } from "@/lib/http";

/** The user's refresh-token families, one per logged-in device. */
export function GET(req: NextRequest) {
  return instrumented(null, req, async () => {
    const me = await Hybrid.authenticate(req.headers.get("authorization"));
    if (!me.ok) return bearerFailure(me);
    return json({ devices: await listFamilies(me.user.id, me.claims.sid) });
  });
}
