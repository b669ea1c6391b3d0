import "server-only";
import { sealData, type UnsealErrorReason, unsealData } from "iron-session";
import { db } from "../db";
import { env } from "../env";
import { Lru } from "../lru";
import { isThenable, type MaybePromise } from "../trace";

import { type AuthFailure, failure } from "./errors";
import type { RequestMeta } from "./request-meta";
import { makeRoomFor, revokedFailure } from "./session-devices";
import { findSessionWithUser, type SessionRow } from "./session-store";
import { generateOpaqueToken, hashToken } from "./tokens";
import type { PublicUser } from "./users";

/**
 * Session mode (stateful). The browser holds a sealed (encrypted + MAC'd) iron-session cookie that
 * carries only a random token; the server stores sha256(token) with the user and the expiry times.
 * Every request unseals the cookie and looks the row up, so deleting the row logs out at once.
 */

export type SessionInfo = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  /** The earlier of the idle and absolute expiry: when this session ends if left alone. */
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  /** Seconds of inactivity that end this session. */
  idleTimeoutSeconds: number;
};
export type ValidSession = { ok: true; user: PublicUser; session: SessionInfo };

type SealedContent = { t?: unknown };

type Row = Omit<SessionInfo, "expiresAt" | "idleTimeoutSeconds"> & { idleTimeoutSeconds: number | null };

function info(row: Row): SessionInfo {
  const expiresAt = row.idleExpiresAt < row.absoluteExpiresAt ? row.idleExpiresAt : row.absoluteExpiresAt;
  const { id, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, userAgent, ip } = row;
  const idleTimeoutSeconds = row.idleTimeoutSeconds ?? env().SESSION_IDLE_TTL_SECONDS;
  return { id, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, expiresAt, userAgent, ip, idleTimeoutSeconds };
}

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

/** Seals the token into the cookie value. The seal's own TTL is the absolute session lifetime. */
export function sealSessionToken(token: string): Promise<string> {
  return sealData({ t: token }, { password: env().SESSION_SECRET, ttl: env().SESSION_ABSOLUTE_TTL_SECONDS });
}

/**
 * Unsealing costs ~300 µs of key derivation and decryption; its result is a pure function of the
 * cookie string, so successful unseals are remembered (bounded), together with the seal's own
 * expiry, which is still checked on every request. The store lookup that follows is never skipped.
 */
const unsealed = new Lru<string, { token: string; id: string; sealExpiresAt: number }>(10_000);

/** The expiry (epoch ms) an iron seal carries in its 6th field, authenticated by its MAC. */
function sealExpiry(seal: string): number {
  const field = seal.split("*")[5];
  return field ? Number(field) : Number.POSITIVE_INFINITY;
}

/** An unsealed cookie: its token and the token's hash, the session's id in the store. */
type Opened = { ok: true; token: string; id: string } | AuthFailure;

/**
 * iron-session ends a seal with `~<version>`, outside its MAC, and ignores it when unsealing: any
 * suffix would do, giving one seal many spellings (and a cache miss each). Only the exact marker
 * sealData writes is accepted.
 */
const SEAL_MARKER = "~2";
const wellFormedSeal = (v: string) => v.endsWith(SEAL_MARKER) && v.indexOf("~") === v.length - SEAL_MARKER.length;

/** What is already known about a cookie value without unsealing it; undefined when nothing is. */
function knownSeal(cookieValue: string | undefined, now: number): Opened | undefined {
  if (!cookieValue) return failure("session_missing");
  if (cookieValue.length > 1024 || !wellFormedSeal(cookieValue)) return failure("session_invalid");
  const known = unsealed.get(cookieValue);
  if (!known) return undefined;
  return known.sealExpiresAt > now ? { ok: true, token: known.token, id: known.id } : failure("session_expired");
}

/** The token inside a cookie value, or why there is none. */
export async function unsealSessionToken(cookieValue: string | undefined, now = Date.now()): Promise<Opened> {
  const known = knownSeal(cookieValue, now);
  if (known || !cookieValue) return known ?? failure("session_missing");
  let reason: UnsealErrorReason | undefined;
  let content: SealedContent;
  try {
    content = await unsealData<SealedContent>(cookieValue, {
      password: env().SESSION_SECRET,
      ttl: env().SESSION_ABSOLUTE_TTL_SECONDS,
      onUnsealError: (r) => {
        reason = r;
      },
    });
  } catch {
    return failure("session_invalid");
  }
  if (reason === "expired") return failure("session_expired");
  if (reason || typeof content.t !== "string" || content.t.length < 32) return failure("session_invalid");
  const opened = { token: content.t, id: hashToken(content.t) };
  unsealed.set(cookieValue, { ...opened, sealExpiresAt: sealExpiry(cookieValue) });
  return { ok: true, ...opened };
}

export type CreateOptions = {
  now?: Date;
  idleTimeoutSeconds?: number;
};

/**
 * Creates the session row and returns the sealed cookie value to set. Enforces the per-user
 * limit in the same transaction: beyond it, the oldest sessions are evicted (and told why on their
 * next request). The transaction first writes the user's row, which locks it: concurrent logins
 * of one user take turns, each counting the sessions the previous one left.
 */
export async function createSession(user: PublicUser, meta: RequestMeta, options: CreateOptions = {}) {
  const now = options.now ?? new Date();
  const token = generateOpaqueToken();
  const { SESSION_ABSOLUTE_TTL_SECONDS: absolute } = env();
  const idle = options.idleTimeoutSeconds ?? env().SESSION_IDLE_TTL_SECONDS;
  const absoluteExpiresAt = addSeconds(now, absolute);
  const row = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now }, select: { id: true } });
    await makeRoomFor(tx, user.id, now);
    return tx.session.create({
      data: {
      id: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: earlier(addSeconds(now, idle), absoluteExpiresAt),
      absoluteExpiresAt,
      idleTimeoutSeconds: options.idleTimeoutSeconds ?? null,
        userAgent: meta.userAgent,
        ip: meta.ip,
      },
    });
  });
  return { cookieValue: await sealSessionToken(token), session: info(row), maxAgeSeconds: absolute };
}

/**
 * Validates a session cookie: unseal, one lookup, expiry. Use refreshes last-seen and slides the
 * idle expiry, written at most once a minute (or a tenth of the idle time) to spare the store.
 *
 * Answers synchronously on the hot path (a seal seen before, SQLite); a Promise otherwise.
 */
export function readSession(cookieValue: string | undefined, now = new Date()): MaybePromise<ValidSession | AuthFailure> {
  const known = knownSeal(cookieValue, now.getTime());
  if (known === undefined) return unsealSessionToken(cookieValue, now.getTime()).then((opened) => (opened.ok ? lookUp(opened.id, now) : opened));
  return known.ok ? lookUp(known.id, now) : known;
}

function lookUp(id: string, now: Date): MaybePromise<ValidSession | AuthFailure> {
  const row = findSessionWithUser(id);
  return isThenable(row) ? row.then((r) => check(r, id, now)) : check(row, id, now);
}

function check(row: SessionRow | null, id: string, now: Date): MaybePromise<ValidSession | AuthFailure> {
  if (!row) return failure("session_revoked");
  if (row.revokedAt) return revokedFailure(row.revokedReason);
  // An expired row stays (purged at the user's next login), so the browser keeps hearing why.
  if (row.idleExpiresAt <= now) return failure("session_expired", { message: "The session expired: it was idle for too long." });
  if (row.absoluteExpiresAt <= now) return failure("session_expired", { message: "The session reached its maximum lifetime." });
  const { user, ...session } = row;
  const valid: ValidSession = { ok: true, user, session: info(session) };
  const idle = row.idleTimeoutSeconds ?? env().SESSION_IDLE_TTL_SECONDS;
  if (now.getTime() - row.lastSeenAt.getTime() < Math.min(60, idle / 10) * 1000) return valid;
  const idleExpiresAt = earlier(addSeconds(now, idle), row.absoluteExpiresAt);
  return db()
    .session.updateMany({ where: { id }, data: { lastSeenAt: now, idleExpiresAt } })
    .then(() => ({ ...valid, session: info({ ...session, lastSeenAt: now, idleExpiresAt }) }));
}

/** Deletes the session behind a cookie: the next request with that cookie is refused. */
export async function revokeSession(cookieValue: string | undefined): Promise<{ revoked: boolean }> {
  const opened = await unsealSessionToken(cookieValue);
  if (!opened.ok) return { revoked: false };
  const { count } = await db().session.deleteMany({ where: { id: opened.id } });
  return { revoked: count > 0 };
}
