"use client";

import { useSyncExternalStore } from "react";

/**
 * What the refresh chain's reuse lab showed, kept past the chain itself: the replay revokes the
 * family, this page's own refresh is refused next, the panel logs out and the chain's section goes
 * with it. The panel keeps showing these facts until the visitor dismisses them or logs in again.
 */
export type ReuseResult = {
  /** The server's answer to the thief's replay of the old token. */
  thief: { accepted: boolean; status: number | null; code: string | null };
  /** The family after the replay: how many of its refresh tokens are revoked, and why. */
  family: { tokens: number; revoked: number; reason: string | null } | null;
  /** This page's own refresh with its (newer, rightful) cookie, tried right after. */
  page: { ok: boolean; status: number | null; code: string | null } | null;
};

let result: ReuseResult | null = null;
const listeners = new Set<() => void>();

export function setReuseResult(next: ReuseResult | null) {
  result = next;
  listeners.forEach((l) => l());
}

export function clearReuseResult() {
  if (result) setReuseResult(null);
}

export function useReuseResult(): ReuseResult | null {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => result,
    () => null,
  );
}
