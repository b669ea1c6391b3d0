import "server-only";

/**
 * Counts failed logins per key (an account, a client address) in a fixed window, in this process's
 * memory. A key with `max` failures is blocked until its window ends. Bounded: old windows are
 * dropped when the table grows.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: () => number,
    private readonly windowMs: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until `key` may try again; 0 when it may try now. */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) return 0;
    return w.count >= this.max() ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  recordFailure(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= this.maxKeys) this.prune(now);
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs() });
    } else {
      w.count += 1;
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number) {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    // Still full of live windows: forget the oldest rather than grow without bound.
    while (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
  }
}
