import type { NextRequest } from "next/server";
import { refreshCookie } from "@/lib/auth/cookies";
import { createHybridLogin } from "@/lib/auth/hybrid";
import { instrumented, json, passwordLogin } from "@/lib/http";

export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const login = await passwordLogin(req);
    if (!login.ok) return login.response;
    const tokens = await createHybridLogin(login.user, login.meta);
    const res = json({ access_token: tokens.accessToken, token_type: "Bearer", expires_in: tokens.expiresIn });
    const cookie = refreshCookie(tokens.refreshMaxAgeSeconds);
    res.cookies.set(cookie.name, tokens.refreshToken, cookie.options);
    return res;
  });
}
