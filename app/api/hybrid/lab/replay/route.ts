import type { NextRequest } from "next/server";
import { z } from "zod";
import * as Hybrid from "@/lib/auth/hybrid";
import { statusOf } from "@/lib/auth/errors";
import { openCapture } from "@/lib/auth/lab";
import { requestMeta } from "@/lib/auth/request-meta";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

const body = z.object({ capture: z.string().max(2048), rotate: z.boolean().default(false) });

/**
 * Replay lab: presents a captured refresh token. `rotate: true` really uses it, as a thief would
 * (an already-rotated token then revokes the family); otherwise it only asks what would happen.
 * Either way no token comes back: the answer is only accepted or refused, and why — with the
 * status POST /api/hybrid/refresh itself gives that refusal (this route answers 200 either way).
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    const token = await openCapture("refresh", input.data.capture);
    if (!token) return jsonFailure("invalid_body");
    const result = input.data.rotate ? await Hybrid.refresh(token, requestMeta(req.headers)) : await Hybrid.refreshState(token);
    return json(result.ok ? { accepted: true } : { accepted: false, status: statusOf(result.code), error: result.code, message: result.message });
  });
}
