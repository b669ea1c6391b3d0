"use client";

import { callApi } from "./api";
import type { LabelKey } from "./timeline";

// The replay lab's capture, on its own so that a panel's logout can take a copy without loading
// the whole lab (app/components/replay-lab.tsx).

/** Where each mode's cookie can be captured: a route the cookie's Path sends it to. */
const CAPTURE = { session: "/api/session/lab/capture", jwt: "/api/jwt/lab/capture", hybrid: "/api/hybrid/refresh/lab/capture" } as const;

/** A sealed copy of the mode's HttpOnly cookie: the server seals it again, so script never holds the cookie itself. */
export async function captureCookie(mode: "session" | "hybrid" | "jwt"): Promise<string | null> {
  const r = await callApi(CAPTURE[mode], { method: "POST" }, mode, "replayCapture" satisfies LabelKey);
  return r.status === 200 ? (r.body as { capture: string }).capture : null;
}

