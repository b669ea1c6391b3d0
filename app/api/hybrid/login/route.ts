import type { NextRequest } from "next/server";
import { refreshCookie } from "@/lib/auth/cookies";
import { createHybridLogin } from "@/lib/auth/hybrid";
import { json, passwordLogin } from "@/lib/http";

export async function POST(req: NextRequest) {
  const login = await passwordLogin(req);
  if (!login.ok) return login.response;
  const tokens = await createHybridLogin(login.user, login.meta);
  const res = json({ access_token: tokens.accessToken, token_type: "Bearer", expires_in: tokens.expiresIn });
  const cookie = refreshCookie(tokens.refreshMaxAgeSeconds);
  res.cookies.set(cookie.name, tokens.refreshToken, cookie.options);
  return res;
}
