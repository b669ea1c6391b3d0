import type { NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { readSession } from "@/lib/auth/session";
import { instrumented, json, jsonFailure } from "@/lib/http";
import { authStep } from "@/lib/trace";

export function GET(req: NextRequest) {
  return instrumented("session", req, async () => {
    const result = await authStep(() => readSession(req.cookies.get(sessionCookie().name)?.value));
    if (!result.ok) return jsonFailure(result);
    return json({ user: result.user, session: result.session });
  });
}
