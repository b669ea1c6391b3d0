import "server-only";

/**
 * The speed layer, whole. Checking a credential's cryptography depends on nothing but the string:
 * unsealing a session cookie costs ~300 µs, verifying an EdDSA signature ~120 µs. So each distinct
 * string is checked once and what it proved is remembered — bounded, least recently used forgotten
 * first — with the credential's own validity window, which is checked again on every request.
 * Refusals are never remembered (garbage must not push real entries out), and nothing that depends
 * on the store is: a revoked session or a denied jti is still looked up every time.
 *
 * A hit answers synchronously. `andThen` keeps it so through the steps that follow (the store
 * read is synchronous on SQLite), so the hot path pays no microtask hop.
 */
export type MaybePromise<T> = T | Promise<T>;

/** Where `now` falls in a remembered credential's window. */
export type Hit<T> = { value: T; window: "open" | "not_yet" | "ended" };

export class Remembered<T> {
  private readonly map = new Map<string, { value: T; from: number; until: number }>();

  constructor(private readonly max = 10_000) {}

  /** What `credential` proved when it was checked, and whether it is valid at `now` (epoch ms). */
  recall(credential: string, now: number): Hit<T> | undefined {
    const entry = this.map.get(credential);
    if (!entry) return undefined;
    this.map.delete(credential);
    this.map.set(credential, entry); // a Map iterates in insertion order: first = least recent
    return { value: entry.value, window: now < entry.from ? "not_yet" : now >= entry.until ? "ended" : "open" };
  }

  /** Remembers a credential that passed its checks, valid from `from` until `until` (epoch ms). */
  remember(credential: string, value: T, from: number, until: number): void {
    this.map.delete(credential);
    this.map.set(credential, { value, from, until });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

/**
 * One cache per process, whichever bundle asks. proxy.ts is compiled apart from the route
 * handlers, so a module-level cache would be two caches, and the guard and the route would each
 * pay for the same check. Kept on globalThis under a registered symbol, they share it: the route's
 * check of a credential the guard has just verified is a hit.
 */
export function sharedRemembered<T>(name: string, max?: number): Remembered<T> {
  const key = Symbol.for(`login-lab.remembered.${name}`);
  const slot = globalThis as unknown as Record<symbol, Remembered<T> | undefined>;
  return (slot[key] ??= new Remembered<T>(max));
}

/** Whether a value is still to come. Prisma's queries are thenables, not Promises: test for `then`. */
export function isThenable<T>(value: MaybePromise<T> | PromiseLike<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** `f(value)`, synchronously when `value` is already there. */
export function andThen<T, U>(value: MaybePromise<T> | PromiseLike<T>, f: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return isThenable(value) ? Promise.resolve(value).then(f) : f(value as T);
}
