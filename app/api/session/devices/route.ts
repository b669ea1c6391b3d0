import type { NextRequest } from "next/server";
import { listDevices } from "@/lib/auth/session-devices";
import { sessionOf } from "@/lib/dal";
import { env } from "@/lib/env";
import { instrumented, json, jsonFailure } from "@/lib/http";

/** The logged-in user's live sessions, as devices, with this one marked. */
export function GET(req: NextRequest) {
  return instrumented(null, req, async () => {
    const owner = await sessionOf(req);
    if (!owner.ok) return jsonFailure(owner);
    return json({ devices: await listDevices(owner.user.id, owner.session.id), limit: env().SESSION_MAX_PER_USER });
  });
}
