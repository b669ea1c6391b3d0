import type { NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { createSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { instrumented, json, passwordLogin } from "@/lib/http";

export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const login = await passwordLogin(req);
    if (!login.ok) return login.response;
    const { cookieValue, maxAgeSeconds } = await createSession(login.user, login.meta, {
      idleTimeoutSeconds: login.options.shortIdle ? env().SESSION_DEMO_IDLE_SECONDS : undefined,
    });
    const res = json({ user: login.user });
    const cookie = sessionCookie(maxAgeSeconds);
    res.cookies.set(cookie.name, cookieValue, cookie.options);
    return res;
  });
}
