import type { NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { readSession } from "@/lib/auth/session";
import { listDevices } from "@/lib/auth/session-devices";
import { env } from "@/lib/env";
import { instrumented, json, jsonFailure } from "@/lib/http";

/** The logged-in user's live sessions, as devices, with this one marked. */
export function GET(req: NextRequest) {
  return instrumented(null, req, async () => {
    const owner = await readSession(req.cookies.get(sessionCookie().name)?.value);
    if (!owner.ok) return jsonFailure(owner);
    return json({ devices: await listDevices(owner.user.id, owner.session.id), limit: env().SESSION_MAX_PER_USER });
  });
}
