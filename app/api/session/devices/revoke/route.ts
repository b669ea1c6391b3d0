import type { NextRequest } from "next/server";
import { z } from "zod";
import { revokeDevice, revokeOtherDevices } from "@/lib/auth/session-devices";
import { sessionOf } from "@/lib/dal";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

const body = z.union([z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }), z.object({ others: z.literal(true) })]);

/** Revokes one of your sessions (`{id}`) or all but this one (`{others: true}`). */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const owner = await sessionOf(req);
    if (!owner.ok) return jsonFailure(owner);
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    const revoked = "id" in input.data ? Number(await revokeDevice(owner.user.id, input.data.id)) : await revokeOtherDevices(owner.user.id, owner.session.id);
    return json({ revoked });
  });
}
