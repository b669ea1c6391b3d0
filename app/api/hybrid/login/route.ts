import type { NextRequest } from "next/server";
import { z } from "zod";
import { logIn } from "@/app/hybrid/login";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

/** The access token in the body, the refresh token in its cookie (app/hybrid/login.ts). */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const body = await readJson(req, z.unknown());
    if (!body.ok) return body.response;
    const result = await logIn(body.data, req.headers);
    if (!result.ok) return jsonFailure(result);
    return json({ access_token: result.accessToken, token_type: "Bearer", expires_in: result.expiresIn });
  });
}
