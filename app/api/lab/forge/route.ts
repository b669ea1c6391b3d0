import type { NextRequest } from "next/server";
import { z } from "zod";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { jwtCookie, sessionCookie } from "@/lib/auth/cookies";
import { forgeToken } from "@/lib/auth/forge";
import { COOKIE_FORGERIES, TOKEN_FORGERIES } from "@/lib/auth/forge-kinds";
import * as Jwt from "@/lib/auth/jwt";
import { JWT_AUDIENCE } from "@/lib/auth/jwt";
import { cookieFailure } from "@/lib/auth/jwt-credential";
import * as Session from "@/lib/auth/session";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

const body = z.union([
  z.object({ kind: z.enum(TOKEN_FORGERIES), token: z.string().max(4096) }),
  // The JWT cookie transport: the token is in the HttpOnly cookie, which page script cannot read.
  z.object({ kind: z.enum(TOKEN_FORGERIES), from: z.literal("jwt_cookie") }),
  z.object({ kind: z.enum(COOKIE_FORGERIES) }),
]);

/**
 * Forged-credentials lab. Token kinds: the given token must be the caller's own, valid JWT-mode
 * token (anything else is refused with the verifier's 401); the answer is its forgery, which the
 * page then sends to the API itself. With `from: "jwt_cookie"` (the JWT cookie transport) the
 * server forges the caller's own JWT cookie and reports what the JWT check says of the forgery.
 * lib/auth/forge.ts states why no forgery is ever accepted. Cookie kinds: the server tampers with the session cookie it just
 * received and reports what the session check says — the cookie's value never goes to script.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    if ("token" in input.data) {
      const own = await verifyAccessToken(input.data.token, JWT_AUDIENCE);
      if (!own.ok) return jsonFailure(own);
      return json({ forged: await forgeToken(input.data.token, input.data.kind) });
    }
    if ("from" in input.data) {
      // The forgery is made from the caller's own JWT cookie and presented as that cookie would
      // be, to the JWT API's own check; like the cookie's value, it never goes to script.
      const token = req.cookies.get(jwtCookie().name)?.value ?? "";
      const own = await Jwt.authenticate({ cookie: token });
      if (!own.ok) return jsonFailure(own);
      // One check of the forgery: the token check's own code says why, and the cookie's code
      // (jwt_cookie_invalid, …) is what the JWT API answers for that token in the cookie.
      const check = await verifyAccessToken(await forgeToken(token, input.data.kind), JWT_AUDIENCE);
      if (check.ok) return json({ status: 200, error: null, reason: null });
      return json({ status: 401, error: cookieFailure(check).code, reason: check.code });
    }
    const real = req.cookies.get(sessionCookie().name)?.value ?? "";
    const forged = input.data.kind === "session_garbage" ? "not-a-seal%20%F0%9F%8D%AA" : real.slice(0, 40) + (real[40] === "A" ? "B" : "A") + real.slice(41);
    const result = await Session.authenticate(forged);
    return json({ forged: `${forged.slice(0, 24)}…`, status: result.ok ? 200 : 401, error: result.ok ? null : result.code });
  });
}
