import type { NextRequest } from "next/server";
import { refreshCookie } from "@/lib/auth/cookies";
import * as Hybrid from "@/lib/auth/hybrid";
import { sealCapture } from "@/lib/auth/lab";
import { instrumented, json, jsonFailure } from "@/lib/http";

/** Replay lab: a sealed copy of the current refresh cookie — what a thief who copied it holds. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const value = req.cookies.get(refreshCookie().name)?.value;
    if (!value) return jsonFailure("refresh_missing");
    const state = await Hybrid.refreshState(value);
    if (!state.ok) return jsonFailure(state);
    return json({ capture: await sealCapture("refresh", value) });
  });
}
