import type { NextRequest } from "next/server";
import { z } from "zod";
import * as Jwt from "@/lib/auth/jwt";
import { openCapture } from "@/lib/auth/lab";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

const body = z.object({ capture: z.string().max(2048) });

/** Replay lab: presents a captured JWT cookie, as the cookie, and answers only whether it was accepted. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    const value = await openCapture("jwt", input.data.capture);
    if (!value) return jsonFailure("invalid_body");
    const result = await Jwt.authenticate({ cookie: value });
    return json(result.ok ? { accepted: true, exp: result.claims.exp } : { accepted: false, error: result.code, message: result.message });
  });
}
