import { AsyncLocalStorage } from "node:async_hooks";
import { isThenable, type MaybePromise } from "./auth/remembered";

/**
 * What one request cost the server: time spent authenticating, time in the store and how many
 * store queries it took. Route handlers report it in `Server-Timing` and to lib/metrics.ts, so
 * the timeline, the compare page and the benchmark all read the same numbers.
 */
export type Trace = {
  authMs: number;
  dbMs: number;
  queries: number;
  /** Store rows this instance answered from its invalidated cache instead of a query (lib/auth/row-cache.ts). */
  cached: number;
  checks: { full: number; remembered: number };
};

/**
 * One per process, on globalThis: the route handlers, the pages and proxy.ts are separate bundles,
 * each with its own copy of this module, while the objects that report to the trace (the Prisma
 * client, the row caches) are shared and were made by whichever bundle came first. With a
 * module-level store, their reports would go to that bundle's copy and be lost to the others.
 */
const current = ((globalThis as unknown as Record<symbol, AsyncLocalStorage<Trace> | undefined>)[Symbol.for("login-lab.trace")] ??= new AsyncLocalStorage<Trace>());

/** Runs `fn` with a fresh trace that every store query inside it reports to. */
export async function traced<T>(fn: () => Promise<T>): Promise<{ result: T; trace: Trace }> {
  const trace: Trace = { authMs: 0, dbMs: 0, queries: 0, cached: 0, checks: { full: 0, remembered: 0 } };
  const result = await current.run(trace, fn);
  return { result, trace };
}


/**
 * Times `fn`, whether it answers at once or later. The hot paths answer synchronously when they
 * can (a known seal, a known signature, SQLite's synchronous driver): nothing else can run in
 * between, so the time measured is the check's own, and no microtask hops are paid for.
 */
function timed<T>(fn: () => MaybePromise<T>, done: (ms: number) => void): MaybePromise<T> {
  const start = performance.now();
  let result: MaybePromise<T>;
  try {
    result = fn();
  } catch (error) {
    done(performance.now() - start);
    throw error;
  }
  if (isThenable(result)) return Promise.resolve(result).finally(() => done(performance.now() - start));
  done(performance.now() - start);
  return result;
}

/** Times one store query into the current request's trace (if any). */
export function storeOp<T>(op: () => MaybePromise<T>): MaybePromise<T> {
  const trace = current.getStore();
  if (!trace) return op();
  return timed(op, (ms) => {
    trace.dbMs += ms;
    trace.queries += 1;
  });
}

/** Times the authentication step of the current request. */
export function authStep<T>(step: () => MaybePromise<T>): MaybePromise<T> {
  const trace = current.getStore();
  if (!trace) return step();
  return timed(step, (ms) => {
    trace.authMs += ms;
  });
}

/**
 * Notes whether a credential's cryptography (a seal, a signature) was checked in full or recalled
 * (lib/auth/remembered.ts). Outside a request's trace — in proxy.ts — it notes nothing.
 */
export function noteCheck(kind: "full" | "remembered") {
  const trace = current.getStore();
  if (trace) trace.checks[kind] += 1;
}

/** Notes a store row served from this instance's cache (no query). */
export function noteCached() {
  const trace = current.getStore();
  if (trace) trace.cached += 1;
}

/**
 * `Server-Timing: auth;dur=0.012, verify;desc="remembered", db;dur=0.004;desc="1 query"`
 * (durations in ms; `verify` says whether the credential's cryptography was checked in full by
 * this request or recalled — after proxy.ts checked it, it is recalled).
 */
export function serverTiming(trace: Trace): string {
  const parts = [`auth;dur=${trace.authMs.toFixed(3)}`];
  const { full, remembered } = trace.checks;
  if (full + remembered > 0) parts.push(`verify;desc="${full > 0 ? "full" : "remembered"}"`);
  if (trace.queries > 0) parts.push(`db;dur=${trace.dbMs.toFixed(3)};desc="${trace.queries} ${trace.queries === 1 ? "query" : "queries"}"`);
  if (trace.cached > 0) parts.push(`cache;desc="${trace.cached} ${trace.cached === 1 ? "row" : "rows"} from memory"`);
  return parts.join(", ");
}
