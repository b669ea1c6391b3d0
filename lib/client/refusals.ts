"use client";

import { useSyncExternalStore } from "react";
import type { Mode } from "./modes";

/**
 * The latest refusal of each panel's own credential — the session cookie the browser sent, the
 * token the JWT panel holds — so the panel shows what happened and why, whichever request met it
 * (the panel's API button, the devices list, the anatomy view). A login clears it.
 */
export type Refusal = { code: string; message: string; detail?: unknown; at: number };

const refusals: Record<Mode, Refusal | null> = { session: null, jwt: null, hybrid: null };
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function reportRefusal(mode: Mode, code: string, message: string, detail?: unknown) {
  refusals[mode] = { code, message, detail, at: Date.now() };
  notify();
}

export function clearRefusal(mode: Mode) {
  if (!refusals[mode]) return;
  refusals[mode] = null;
  notify();
}

export function useRefusal(mode: Mode): Refusal | null {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => refusals[mode],
    () => null,
  );
}
