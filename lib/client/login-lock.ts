"use client";

import { useSyncExternalStore } from "react";
import { loginState, loginsVersion, subscribeLogins } from "./login-queue";
import type { Mode } from "./modes";

export { enqueueLogin, releaseLogin, treeApplied } from "./login-queue";

export type LoginTurn = "idle" | "running" | "queued";

/** This panel's place in the login queue (lib/client/login-queue.ts), and whether another panel logs in now. */
export function useLoginTurn(mode: Mode): { turn: LoginTurn; otherRunning: boolean } {
  useSyncExternalStore(subscribeLogins, loginsVersion, () => 0);
  const { running, queued } = loginState();
  const turn: LoginTurn = running === mode ? "running" : queued.includes(mode) ? "queued" : "idle";
  return { turn, otherRunning: running !== null && running !== mode };
}
