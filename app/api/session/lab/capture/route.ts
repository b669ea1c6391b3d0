import type { NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { sealCapture } from "@/lib/auth/lab";
import * as Session from "@/lib/auth/session";
import { instrumented, json, jsonFailure } from "@/lib/http";

/** Replay lab: a sealed copy of this browser's session cookie, to replay after logging out. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const value = req.cookies.get(sessionCookie().name)?.value;
    const owner = await Session.authenticate(value);
    if (!owner.ok) return jsonFailure(owner);
    return json({ capture: await sealCapture("session", value as string) });
  });
}
