import type { NextRequest } from "next/server";
import { refreshCookie, refreshHintCookie } from "@/lib/auth/cookies";
import * as Hybrid from "@/lib/auth/hybrid";
import { requestMeta } from "@/lib/auth/request-meta";
import { z } from "zod";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";
import { authStep } from "@/lib/trace";

const bodyToken = z.object({ refresh_token: z.string().max(256) });

/**
 * Rotates the refresh token and returns a fresh access token. Browsers send it as the cookie (and
 * get the rotated one back as a cookie; a refused cookie is cleared). Clients without cookies
 * (curl, mobile apps) send `{"refresh_token": …}` and get the rotated one in the JSON body.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    if (req.headers.get("content-type")?.includes("json")) {
      const input = await readJson(req, bodyToken);
      if (!input.ok) return input.response;
      const result = await authStep(() => Hybrid.refresh(input.data.refresh_token, requestMeta(req.headers)));
      if (!result.ok) return jsonFailure(result);
      return json({ access_token: result.accessToken, token_type: "Bearer", expires_in: result.expiresIn, refresh_token: result.refreshToken });
    }
    const cookie = refreshCookie();
    const result = await authStep(() => Hybrid.refresh(req.cookies.get(cookie.name)?.value, requestMeta(req.headers)));
    if (!result.ok) {
      const res = jsonFailure(result);
      if (result.code !== "refresh_missing") res.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
      // No refresh cookie, or a refused one: nothing worth refreshing with until the next login.
      const hint = refreshHintCookie(0);
      res.cookies.set(hint.name, "", hint.options);
      return res;
    }
    const res = json({ access_token: result.accessToken, token_type: "Bearer", expires_in: result.expiresIn });
    res.cookies.set(cookie.name, result.refreshToken, { ...cookie.options, maxAge: result.refreshMaxAgeSeconds });
    const hint = refreshHintCookie(result.refreshMaxAgeSeconds);
    res.cookies.set(hint.name, "1", hint.options);
    return res;
  });
}
