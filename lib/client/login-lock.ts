"use client";

import { useSyncExternalStore } from "react";
import type { Mode } from "./modes";

/**
 * One login at a time, across the three panels. A login that sets a cookie makes Next re-render
 * the page, and a second server action dispatched while that new page is being applied was lost:
 * aborted (`POST / net::ERR_ABORTED`) or never sent, and its panel waited for ever. So every login
 * form submits through this queue: a login runs from its dispatch until its answer is in — and,
 * when that answer set a cookie, until the re-rendered page has arrived (the page's TreeMarker
 * reports it; at most TREE_WAIT_MS) — and the next queued login goes after it.
 */
const TREE_WAIT_MS = 3000;

type Job = { mode: Mode; run: () => void };
const queue: Job[] = [];
let running: Mode | null = null;
let awaitingTree: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();
let version = 0;

function change() {
  version += 1;
  listeners.forEach((l) => l());
}

function next() {
  if (running) return;
  const job = queue.shift();
  if (!job) return change();
  running = job.mode;
  change();
  job.run();
}

/** Queues a panel's login (a panel already queued or running is not queued twice). */
export function enqueueLogin(mode: Mode, run: () => void) {
  if (running === mode || queue.some((j) => j.mode === mode)) return;
  queue.push({ mode, run });
  next();
  change();
}

/** The running login has its answer; with `awaitTree`, the queue also waits for the re-rendered page. */
export function releaseLogin(mode: Mode, options: { awaitTree?: boolean } = {}) {
  if (running !== mode) {
    const i = queue.findIndex((j) => j.mode === mode);
    if (i >= 0) queue.splice(i, 1), change();
    return;
  }
  if (options.awaitTree) {
    if (awaitingTree) clearTimeout(awaitingTree);
    awaitingTree = setTimeout(treeApplied, TREE_WAIT_MS);
    return;
  }
  running = null;
  next();
}

/** The server's re-rendered page has been applied: a login waiting for it is done. */
export function treeApplied() {
  if (!awaitingTree || !running) return;
  clearTimeout(awaitingTree);
  awaitingTree = null;
  const mode = running;
  running = null;
  void mode;
  next();
}

export type LoginTurn = "idle" | "running" | "queued";

/** This panel's place: running, queued behind another panel, or idle — and whether another runs. */
export function useLoginTurn(mode: Mode): { turn: LoginTurn; otherRunning: boolean } {
  useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => version,
    () => 0,
  );
  const turn: LoginTurn = running === mode ? "running" : queue.some((j) => j.mode === mode) ? "queued" : "idle";
  return { turn, otherRunning: running !== null && running !== mode };
}
