import type { NextRequest } from "next/server";
import { refreshCookie } from "@/lib/auth/cookies";
import { refreshHybrid } from "@/lib/auth/hybrid";
import { requestMeta } from "@/lib/auth/request-meta";
import { instrumented, json, jsonFailure } from "@/lib/http";
import { authStep } from "@/lib/trace";

/** Rotates the refresh cookie and returns a fresh access token. A refused cookie is cleared. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const cookie = refreshCookie();
    const result = await authStep(() => refreshHybrid(req.cookies.get(cookie.name)?.value, requestMeta(req.headers)));
    if (!result.ok) {
      const res = jsonFailure(result);
      if (result.code !== "refresh_missing") res.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
      return res;
    }
    const res = json({ access_token: result.accessToken, token_type: "Bearer", expires_in: result.expiresIn });
    res.cookies.set(cookie.name, result.refreshToken, { ...cookie.options, maxAge: result.refreshMaxAgeSeconds });
    return res;
  });
}
