import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { Logout } from "./contract";
import { type AuthFailure, failure } from "./errors";
import { andThen, type MaybePromise } from "./remembered";
import type { RequestMeta } from "./request-meta";
import { openSeal, type SessionStore, sealToken } from "./seal";
import { EVICTED_BY_LIMIT, makeRoomFor, revokedFailure } from "./session-devices";
import { findSessionWithUser, keepInMemory, memorySessions, type SessionRow } from "./session-store";
import { generateOpaqueToken, hashToken } from "./tokens";
import type { PublicUser } from "./users";
import { settled } from "./invalidation";

/**
 * Session mode (stateful). Stores: a row per login, keyed by sha256 of a random token. Sends: that
 * token sealed in an HttpOnly cookie. Revokes: by deleting the row — refused on the next request.
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

export type SessionLogin = { ok: true; cookieValue: string; session: SessionInfo; maxAgeSeconds: number };
export type ValidSession = { ok: true; user: PublicUser; session: SessionInfo };

type Row = Omit<SessionInfo, "expiresAt" | "idleTimeoutSeconds"> & { idleTimeoutSeconds: number | null };

function info(row: Row): SessionInfo {
  const expiresAt = row.idleExpiresAt < row.absoluteExpiresAt ? row.idleExpiresAt : row.absoluteExpiresAt;
  const { id, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, userAgent, ip } = row;
  const idleTimeoutSeconds = row.idleTimeoutSeconds ?? env().SESSION_IDLE_TTL_SECONDS;
  return { id, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, expiresAt, userAgent, ip, idleTimeoutSeconds };
}

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

/**
 * Logs in: stores the session row and returns the sealed cookie value to set. The per-user limit
 * is enforced in the same transaction: beyond it, the oldest sessions are evicted (and told why on
 * their next request). The transaction first writes the user's row, which locks it, so concurrent
 * logins of one user take turns, each counting the sessions the previous one left.
 * `shortIdle`: the demo's short idle timeout (SESSION_DEMO_IDLE_SECONDS). `store`: where the row
 * lives (SESSION_STORE by default; "memory" keeps it in this process only).
 */
export async function login(user: PublicUser, meta: RequestMeta, options: { now?: Date; shortIdle?: boolean; store?: SessionStore } = {}): Promise<SessionLogin> {
  const now = options.now ?? new Date();
  const token = generateOpaqueToken();
  const { SESSION_ABSOLUTE_TTL_SECONDS: absolute } = env();
  const idle = options.shortIdle ? env().SESSION_DEMO_IDLE_SECONDS : env().SESSION_IDLE_TTL_SECONDS;
  const absoluteExpiresAt = addSeconds(now, absolute);
  // One row, wherever it is kept.
  const data = {
    id: hashToken(token),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: earlier(addSeconds(now, idle), absoluteExpiresAt),
    absoluteExpiresAt,
    idleTimeoutSeconds: options.shortIdle ? idle : null,
    userAgent: meta.userAgent,
    ip: meta.ip,
  };
  if ((options.store ?? env().SESSION_STORE) === "memory") {
    const row: SessionRow = { ...data, revokedAt: null, revokedReason: null, user };
    evictFromMemory(user.id, now);
    keepInMemory(row);
    return { ok: true, cookieValue: await sealToken(token, now.getTime(), "memory"), session: info(row), maxAgeSeconds: absolute };
  }
  const row = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now }, select: { id: true } });
    await makeRoomFor(tx, user.id, now);
    return tx.session.create({ data });
  });
  return { ok: true, cookieValue: await sealToken(token, now.getTime()), session: info(row), maxAgeSeconds: absolute };
}

/**
 * Authenticates a request by its session cookie: open the seal, look the row up, check expiry.
 * Use refreshes last-seen and slides the idle expiry, written at most once a minute (or a tenth of
 * the idle time) to spare the store. `touch: false` reads without counting as use.
 */
export function authenticate(cookieValue: string | undefined, options: { now?: Date; touch?: boolean } = {}): MaybePromise<ValidSession | AuthFailure> {
  const now = options.now ?? new Date();
  return andThen(openSeal(cookieValue, now.getTime()), (opened) => {
    if (!opened.ok) return opened;
    if (opened.store === "memory") {
      const row = memorySessions().get(opened.id);
      return row ? check(row, now, options.touch !== false) : failure("session_not_on_this_instance");
    }
    return andThen(findSessionWithUser(opened.id), (row) => check(row, now, options.touch !== false));
  });
}

/** The per-user limit, for rows in this process's memory: the oldest live ones are evicted. */
function evictFromMemory(userId: string, now: Date) {
  const live = [...memorySessions().values()].filter((r) => r.userId === userId && !r.revokedAt && r.idleExpiresAt > now && r.absoluteExpiresAt > now);
  for (const r of live.slice(0, Math.max(0, live.length - (env().SESSION_MAX_PER_USER - 1)))) {
    r.revokedAt = now;
    r.revokedReason = EVICTED_BY_LIMIT;
  }
}

function check(row: SessionRow | null, now: Date, touch: boolean): MaybePromise<ValidSession | AuthFailure> {
  if (!row) return failure("session_revoked");
  if (row.revokedAt) return revokedFailure(row.revokedReason);
  // An expired row stays (swept an hour later), so the browser keeps hearing why.
  if (row.idleExpiresAt <= now) return failure("session_expired", { detail: { key: "idle" } });
  if (row.absoluteExpiresAt <= now) return failure("session_expired", { detail: { key: "lifetime" } });
  const { user, ...session } = row;
  const valid: ValidSession = { ok: true, user, session: info(session) };
  const idle = row.idleTimeoutSeconds ?? env().SESSION_IDLE_TTL_SECONDS;
  if (!touch || now.getTime() - row.lastSeenAt.getTime() < Math.min(60, idle / 10) * 1000) return valid;
  const idleExpiresAt = earlier(addSeconds(now, idle), row.absoluteExpiresAt);
  if (memorySessions().get(row.id) === row) {
    Object.assign(row, { lastSeenAt: now, idleExpiresAt });
    return { ...valid, session: info({ ...session, lastSeenAt: now, idleExpiresAt }) };
  }
  return andThen(db().session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now, idleExpiresAt } }), () => ({
    ...valid,
    session: info({ ...session, lastSeenAt: now, idleExpiresAt }),
  }));
}

/** Logs out: deletes the session behind the cookie, so the very next request with it is refused. */
export async function logout(cookieValue: string | undefined, options: { now?: Date } = {}): Promise<Logout> {
  const opened = await openSeal(cookieValue, (options.now ?? new Date()).getTime());
  if (!opened.ok) return { ok: true, revoked: false, message: opened.message };
  if (opened.store === "memory") {
    return memorySessions().delete(opened.id)
      ? { ok: true, revoked: true, message: "The session is deleted from this instance's memory: this cookie is refused from now on." }
      : { ok: true, revoked: false, message: failure("session_not_on_this_instance").message };
  }
  const { count } = await db().session.deleteMany({ where: { id: opened.id } });
  // Answered once no instance's cache still holds the row (lib/auth/invalidation.ts).
  if (count > 0) await settled();
  return count > 0 ? { ok: true, revoked: true, message: "The session row is deleted: this cookie is refused from now on." } : { ok: true, revoked: false, message: "No such session." };
}
