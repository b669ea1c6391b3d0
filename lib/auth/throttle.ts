import "server-only";
import { db } from "../db";
import { env } from "../env";
import { FailureLimiter } from "./rate-limit";

/**
 * The login throttle's windows, wherever they are kept. Same contract as FailureLimiter
 * (lib/auth/rate-limit.ts): `reserve` takes a failure slot before the password is checked and
 * answers 0, or the seconds to wait; `release` gives it back; `reset` forgets the key.
 */
export type Throttle = {
  reserve(key: string, now?: number): Promise<number>;
  release(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

/** SQLite: one instance, so its memory is the whole truth. */
function inMemory(max: () => number, windowMs: () => number): Throttle {
  const limiter = new FailureLimiter(max, windowMs);
  return {
    reserve: async (key, now) => limiter.reserve(key, now),
    release: async (key) => limiter.release(key),
    reset: async (key) => limiter.reset(key),
  };
}

/**
 * PostgreSQL: one row per key in LoginThrottle, shared by every instance and kept across restarts,
 * so an attacker cannot multiply the limit by spreading guesses over instances or waiting for a
 * deploy. One statement takes the slot atomically: parallel guesses on any instance are counted
 * one by one. A key already at `max` is set to `max + 1`, which says "refused, no slot taken".
 * Rows whose window has ended are swept (lib/sweep.ts).
 */
export function inStore(scope: string, max: () => number, windowMs: () => number): Throttle {
  const id = (key: string) => `${scope}:${key}`;
  return {
    async reserve(key, now = Date.now()) {
      const at = new Date(now);
      const resetAt = new Date(now + windowMs());
      const limit = max();
      const [row] = await db().$queryRaw<{ count: number; resetAt: Date }[]>`
        INSERT INTO "LoginThrottle" ("key", "count", "resetAt") VALUES (${id(key)}, 1, ${resetAt})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "LoginThrottle"."resetAt" <= ${at} THEN 1
                         WHEN "LoginThrottle"."count" >= ${limit} THEN ${limit + 1}
                         ELSE "LoginThrottle"."count" + 1 END,
          "resetAt" = CASE WHEN "LoginThrottle"."resetAt" <= ${at} THEN ${resetAt} ELSE "LoginThrottle"."resetAt" END
        RETURNING "count", "resetAt"`;
      return row.count > limit ? Math.max(1, Math.ceil((row.resetAt.getTime() - now) / 1000)) : 0;
    },
    async release(key) {
      // A key at the block marker (max + 1) goes back to max - 1, as if the refused guesses had never come.
      await db().$executeRaw`UPDATE "LoginThrottle" SET "count" = LEAST("count", ${max()}) - 1 WHERE "key" = ${id(key)} AND "count" > 0`;
      // Back at 0, the row goes, as the in-memory limiter forgets the key: a client trying fresh
      // usernames (each one reserved, then given back) leaves no row behind.
      await db().$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${id(key)} AND "count" <= 0`;
    },
    async reset(key) {
      await db().$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${id(key)}`;
    },
  };
}

/** The throttle for `scope` ("account", "client"): in the store on PostgreSQL, in memory on SQLite. */
export function throttle(scope: string, max: () => number, windowMs: () => number): Throttle {
  let chosen: Throttle | undefined;
  const pick = () => (chosen ??= env().DATABASE_URL.startsWith("file:") ? inMemory(max, windowMs) : inStore(scope, max, windowMs));
  return {
    reserve: (key, now) => pick().reserve(key, now),
    release: (key) => pick().release(key),
    reset: (key) => pick().reset(key),
  };
}
