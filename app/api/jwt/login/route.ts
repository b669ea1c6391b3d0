import type { NextRequest } from "next/server";
import { z } from "zod";
import { logIn } from "@/app/jwt/login";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

/**
 * Returns the signed token in the body and sets no cookie: the client decides where to keep it.
 * With `"transport": "cookie"`, the token goes into the HttpOnly JWT cookie instead, and the body
 * says only that and when it expires.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const body = await readJson(req, z.unknown());
    if (!body.ok) return body.response;
    const result = await logIn(body.data, req.headers);
    if (!result.ok) return jsonFailure(result);
    if (result.transport === "cookie") return json({ token_type: "cookie", expires_in: result.expiresIn });
    return json({ access_token: result.accessToken, token_type: "Bearer", expires_in: result.expiresIn });
  });
}
