import type { NextRequest } from "next/server";
import { z } from "zod";
import { openCapture } from "@/lib/auth/lab";
import * as Session from "@/lib/auth/session";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

const body = z.object({ capture: z.string().max(2048) });

/** Replay lab: presents a captured session cookie and answers only whether it was accepted. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    const value = await openCapture("session", input.data.capture);
    if (!value) return jsonFailure("invalid_body");
    const result = await Session.authenticate(value);
    return json(result.ok ? { accepted: true } : { accepted: false, error: result.code, message: result.message });
  });
}
