import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { type AuthFailure, failure } from "./errors";
import { hashPassword } from "./password";
import { throttle } from "./throttle";

/**
 * Throwaway accounts: one per visitor who asks, so that nobody shares an account (its devices, its
 * sessions, its lockout) with a stranger. In public mode they are the only accounts there are; a
 * private deployment offers them too. Each expires after DEMO_ACCOUNT_TTL_SECONDS, when
 * lib/sweep.ts deletes it with every row it owns.
 *
 * Nothing about an account can be guessed: the username carries 60 random bits (so one visitor
 * cannot find another's account to lock it out with failed logins) and the password 144.
 */
export type DemoAccount = { username: string; password: string; displayName: string; expiresAt: Date };

/** A friendly first part for the username and display name; the random part makes it unique. */
const NAMES = ["ada", "alan", "barbara", "dennis", "edsger", "frances", "grace", "hedy", "joan", "ken", "margaret", "radia"];

/** RFC 4648 base32, lowercase: 32 symbols, so each random byte's low 5 bits pick one uniformly. */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const SUFFIX_CHARS = 12; // 60 bits
const PASSWORD_BYTES = 18; // 144 bits, 24 characters of base64url

/** What a username of a throwaway account looks like: a name, a dash, the random part. */
export const DEMO_USERNAME = new RegExp(`^[a-z]+-[${ALPHABET}]{${SUFFIX_CHARS}}$`);

const HOUR_MS = 3600_000;

/** Live throwaway accounts at most, whoever creates them (each one costs a few rows and a hash). */
const MAX_LIVE_ACCOUNTS = 20_000;

/**
 * Creations per client address in a fixed one-hour window. The throttle counts events of any kind;
 * here each event is a creation. In memory on SQLite (bounded), in the store on PostgreSQL — one
 * count for every instance, as for logins (lib/auth/throttle.ts).
 */
const perClient = throttle(
  "demo-accounts",
  () => env().DEMO_ACCOUNTS_PER_CLIENT_PER_HOUR,
  () => HOUR_MS,
);

function randomUsername(): { username: string; displayName: string } {
  const name = NAMES[randomInt(NAMES.length)];
  const suffix = Array.from(randomBytes(SUFFIX_CHARS), (b) => ALPHABET[b & 31]).join("");
  return { username: `${name}-${suffix}`, displayName: name[0].toUpperCase() + name.slice(1) };
}

/**
 * Creates a throwaway account for the client at `clientIp`, or says how long that client must wait.
 * `now` moves the clock (tests): the account expires DEMO_ACCOUNT_TTL_SECONDS after it.
 */
export async function createDemoAccount(clientIp: string, now = new Date()): Promise<({ ok: true } & DemoAccount) | AuthFailure> {
  // Counted before the slow hash, atomically (one statement on PostgreSQL): concurrent requests cannot slip past.
  const wait = await perClient.reserve(clientIp, now.getTime());
  if (wait > 0) {
    const max = env().DEMO_ACCOUNTS_PER_CLIENT_PER_HOUR;
    return failure("rate_limited", {
      retryAfterSeconds: wait,
      detail: { key: "throwawayPerAddress", values: { max } },
    });
  }
  // However many addresses ask, the store holds a bounded number of live throwaway accounts.
  if ((await db().user.count({ where: { expiresAt: { gt: now } } })) >= MAX_LIVE_ACCOUNTS) {
    return failure("rate_limited", { retryAfterSeconds: 600, detail: { key: "throwawayFull" } });
  }

  const { username, displayName } = randomUsername();
  const password = randomBytes(PASSWORD_BYTES).toString("base64url");
  const expiresAt = new Date(now.getTime() + env().DEMO_ACCOUNT_TTL_SECONDS * 1000);
  // 60 random bits: a clash with an existing username is not worth a retry loop; the unique index
  // would refuse it (a 500) rather than hand out someone else's account.
  await db().user.create({ data: { id: `user_${username}`, username, displayName, passwordHash: await hashPassword(password), expiresAt } });
  return { ok: true, username, password, displayName, expiresAt };
}
