import "server-only";
import { db } from "./db";
import { env } from "./env";

/**
 * What nobody needs any more, deleted in the background so that the store stays bounded however
 * long the app runs: sessions and refresh tokens an hour past their expiry (the hour lets a
 * refused browser still be told why), deny-list entries past the token's own `exp` (the signature
 * check refuses those tokens anyway), and throwaway accounts past their TTL with every row they own.
 *
 * Deletes go in small batches with a yield between them, so a large backlog never holds the event
 * loop (SQLite's driver is synchronous) or a long lock.
 */
const BATCH = 500;
const DATABASE_IS_SQLITE = () => env().DATABASE_URL.startsWith("file:");
const GRACE_MS = 3600_000;

type Task = { name: string; ids: (now: Date) => Promise<string[]>; remove: (ids: string[]) => Promise<unknown> };

const tasks: Task[] = [
  {
    name: "sessions",
    ids: async (now) => {
      const before = new Date(now.getTime() - GRACE_MS);
      const rows = await db().session.findMany({ where: { OR: [{ absoluteExpiresAt: { lt: before } }, { idleExpiresAt: { lt: before } }] }, select: { id: true }, take: BATCH });
      return rows.map((r) => r.id);
    },
    remove: (ids) => db().session.deleteMany({ where: { id: { in: ids } } }),
  },
  {
    name: "refreshTokens",
    ids: async (now) => {
      const rows = await db().refreshToken.findMany({ where: { expiresAt: { lt: new Date(now.getTime() - GRACE_MS) } }, select: { id: true }, take: BATCH });
      return rows.map((r) => r.id);
    },
    remove: (ids) => db().refreshToken.deleteMany({ where: { id: { in: ids } } }),
  },
  {
    name: "deniedTokens",
    ids: async (now) => (await db().deniedToken.findMany({ where: { expiresAt: { lt: now } }, select: { jti: true }, take: BATCH })).map((r) => r.jti),
    remove: (ids) => db().deniedToken.deleteMany({ where: { jti: { in: ids } } }),
  },
  {
    name: "loginThrottle",
    // PostgreSQL only (SQLite keeps the throttle in memory): windows that have ended.
    ids: async (now) => (DATABASE_IS_SQLITE() ? [] : (await db().loginThrottle.findMany({ where: { resetAt: { lt: now } }, select: { key: true }, take: BATCH })).map((r) => r.key)),
    remove: (ids) => db().loginThrottle.deleteMany({ where: { key: { in: ids } } }),
  },
  {
    name: "throwawayAccounts",
    ids: async (now) => (await db().user.findMany({ where: { expiresAt: { lt: now } }, select: { id: true }, take: BATCH })).map((r) => r.id),
    // Sessions and refresh tokens go with the user (ON DELETE CASCADE); the deny-list has no
    // foreign key, so its rows of these users go explicitly.
    remove: async (ids) => {
      await db().deniedToken.deleteMany({ where: { userId: { in: ids } } });
      await db().user.deleteMany({ where: { id: { in: ids } } });
    },
  },
];

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One sweep: every task, batch by batch, until nothing is left. Returns how many rows of each went. */
export async function sweep(now = new Date()): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const task of tasks) {
    removed[task.name] = 0;
    for (;;) {
      const ids = await task.ids(now);
      if (ids.length === 0) break;
      await task.remove(ids);
      removed[task.name] += ids.length;
      await yieldToRequests();
      if (ids.length < BATCH) break;
    }
  }
  return removed;
}

const globalForSweep = globalThis as unknown as { loginLabSweep?: NodeJS.Timeout };

/** Starts the periodic sweep once per process (instrumentation.ts); a failed sweep is retried next time. */
export function startSweeping(): void {
  if (globalForSweep.loginLabSweep) return;
  const run = () =>
    sweep().catch((error) => {
      console.error("login-lab: sweep failed", error);
    });
  globalForSweep.loginLabSweep = setInterval(run, env().SWEEP_INTERVAL_SECONDS * 1000);
  globalForSweep.loginLabSweep.unref();
  setTimeout(run, 5_000).unref();
}
