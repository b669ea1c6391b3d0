import type { Mode } from "./modes";

/**
 * One login at a time, across the three panels. Next's router applies server actions one after
 * another, and a login that sets a cookie re-renders the page. So every login form submits through
 * this queue (a click on a second panel shows "Logs in next…" instead of racing the first): a login
 * runs from its dispatch until its answer is in — and, when that answer set a cookie, until the
 * re-rendered page has arrived (the page's TreeMarker reports it; at most TREE_WAIT_MS) — and the
 * next queued login goes after it.
 */
const TREE_WAIT_MS = 3000;

type Job = { mode: Mode; run: () => void };
const queue: Job[] = [];
let running: Mode | null = null;
let awaitingTree: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();
let version = 0;

/** Subscribes to changes of the queue (for the hook in login-lock.ts); returns the unsubscribe. */
export function subscribeLogins(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes whenever the queue does. */
export const loginsVersion = () => version;

/** Which panel is logging in, and which are queued. */
export const loginState = () => ({ running, queued: queue.map((j) => j.mode) });

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
    if (i >= 0) {
      queue.splice(i, 1);
      change();
    }
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
  running = null;
  next();
}

