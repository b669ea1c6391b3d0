import type { NextRequest } from "next/server";
import { z } from "zod";
import { logIn } from "@/app/jwt/login";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

/** Returns the signed token in the body and sets no cookie: the client decides where to keep it. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const body = await readJson(req, z.unknown());
    if (!body.ok) return body.response;
    const result = await logIn(body.data, req.headers);
    if (!result.ok) return jsonFailure(result);
    return json({ access_token: result.accessToken, token_type: "Bearer", expires_in: result.expiresIn });
  });
}
