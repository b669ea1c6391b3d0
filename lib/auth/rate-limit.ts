import "server-only";

/**
 * Counts failed logins per key (an account, a client address) in a fixed window, in this process's
 * memory. A key with `max` failures is blocked until its window ends.
 *
 * A failure is reserved before the password is checked, not recorded after: N parallel guesses
 * then take N slots at once, and those past `max` are refused without an argon2 run. A correct
 * password gives its slot back.
 *
 * Bounded: past `maxKeys`, ended windows are dropped first, then the oldest windows that block
 * nothing; a live block is never dropped to make room. When every entry is a live block, a new key
 * is refused until one ends — traffic for fresh keys cannot unblock an attacked one.
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

  /**
   * Takes a failure slot for `key`: 0 when taken, else the seconds to wait (the key is blocked,
   * or the table is full of live blocks).
   */
  reserve(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (w && w.resetAt > now) {
      if (w.count >= this.max()) return Math.ceil((w.resetAt - now) / 1000);
      w.count += 1;
      return 0;
    }
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) {
      const wait = this.makeRoom(now);
      if (wait > 0) return wait;
    }
    this.windows.set(key, { count: 1, resetAt: now + this.windowMs() });
    return 0;
  }

  /** Gives a reserved slot back (the password was right). */
  release(key: string): void {
    const w = this.windows.get(key);
    if (w && --w.count <= 0) this.windows.delete(key);
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }

  /** Frees one entry or more; returns 0, or the seconds until the first live block ends. */
  private makeRoom(now: number): number {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    if (this.windows.size < this.maxKeys) return 0;
    const max = this.max();
    for (const [k, w] of this.windows) {
      if (w.count < max) {
        this.windows.delete(k);
        return 0;
      }
    }
    const first = Math.min(...[...this.windows.values()].map((w) => w.resetAt));
    return Math.max(1, Math.ceil((first - now) / 1000));
  }
}
