import type { NextRequest } from "next/server";
import { z } from "zod";
import { revokeUserFamily } from "@/lib/auth/hybrid-devices";
import * as Hybrid from "@/lib/auth/hybrid";
import { bearerFailure, instrumented, json, readJson } from "@/lib/http";

const body = z.object({ familyId: z.uuid() });

/** Revokes one of your refresh-token families: that device cannot refresh any more. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const me = await Hybrid.authenticate(req.headers.get("authorization"));
    if (!me.ok) return bearerFailure(me);
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    return json({ revoked: Number(await revokeUserFamily(me.user.id, input.data.familyId)) });
  });
}
