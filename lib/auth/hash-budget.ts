import "server-only";
import { availableParallelism } from "node:os";
import { env } from "../env";

/**
 * One budget for argon2 in this process. A password hash costs 19 MiB and tens of milliseconds of
 * a core: without a cap, one client's parallel logins (correct ones included) take every core and
 * every other visitor's login waits behind them. So at most HASH_CONCURRENCY hashes run at once
 * (default: the machine's cores), at most HASH_QUEUE wait for a slot, and none waits longer than
 * HASH_WAIT_MS. A request that cannot get a slot is refused at once with `busy` (503 and
 * Retry-After), never left hanging. Every path that hashes goes through it: logins (a real or a
 * dummy check), throwaway accounts, the /claims probes and the /scale trials (whose logins are
 * ordinary logins), the seeding of the demo users.
 */
export class BusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("busy");
  }
}

type Waiter = { start: () => void; timer: NodeJS.Timeout };

export class HashBudget {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly slots: () => number,
    private readonly queue: () => number,
    private readonly waitMs: () => number,
  ) {}

  /** Runs `work` in a slot of the budget; throws BusyError when no slot comes in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.releaseOne();
    }
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private acquire(): Promise<void> {
    if (this.running < this.slots()) {
      this.running += 1;
      return Promise.resolve();
    }
    const retryAfter = Math.max(1, Math.ceil(this.waitMs() / 1000));
    if (this.waiting.length >= this.queue()) return Promise.reject(new BusyError(retryAfter));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(new BusyError(retryAfter));
        }, this.waitMs()),
      };
      this.waiting.push(waiter);
    });
  }

  /** A finished hash hands its slot to the next in line (first come, first served), or frees it. */
  private releaseOne(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running -= 1;
  }
}

const SLOT = Symbol.for("login-lab.hash-budget");

/** The process's budget (one for every bundle of the server: globalThis). */
export function hashBudget(): HashBudget {
  const slot = globalThis as unknown as Record<symbol, HashBudget | undefined>;
  return (slot[SLOT] ??= new HashBudget(
    () => env().HASH_CONCURRENCY ?? availableParallelism(),
    () => env().HASH_QUEUE,
    () => env().HASH_WAIT_MS,
  ));
}
