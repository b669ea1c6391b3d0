import type { NextRequest } from "next/server";
import { z } from "zod";
import { createSession } from "@/lib/auth/session";
import { listDevices } from "@/lib/auth/session-devices";
import { sessionOf } from "@/lib/dal";
import { env } from "@/lib/env";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

const body = z.object({ count: z.number().int().min(1).max(50) });

/**
 * "Log in N more devices" (S3): creates up to N more sessions for the logged-in user, as N other
 * browsers logging in would, so the store view shows state growing with logins.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const owner = await sessionOf(req);
    if (!owner.ok) return jsonFailure(owner);
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    // Never past the per-user limit: simulated devices must not evict the visitor's real ones.
    const live = (await listDevices(owner.user.id, owner.session.id)).length;
    const limit = env().SESSION_MAX_PER_USER;
    const count = Math.max(0, Math.min(input.data.count, limit - live));
    for (let i = 0; i < count; i++) await createSession(owner.user, { userAgent: `Simulated device ${live + i + 1}`, ip: "203.0.113.7" });
    return json({ created: count, sessions: live + count, limit });
  });
}
