import "server-only";
import { sealData, type UnsealErrorReason, unsealData } from "iron-session";
import { db } from "../db";
import { env } from "../env";
import { type AuthFailure, failure } from "./errors";
import type { RequestMeta } from "./request-meta";
import { generateOpaqueToken, hashToken } from "./tokens";
import { type PublicUser, publicUserSelect } from "./users";

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
};
export type ValidSession = { ok: true; user: PublicUser; session: SessionInfo };

type SealedContent = { t?: unknown };

function info(row: Omit<SessionInfo, "expiresAt">): SessionInfo {
  const expiresAt = row.idleExpiresAt < row.absoluteExpiresAt ? row.idleExpiresAt : row.absoluteExpiresAt;
  const { id, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, userAgent, ip } = row;
  return { id, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, expiresAt, userAgent, ip };
}

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

/** Seals the token into the cookie value. The seal's own TTL is the absolute session lifetime. */
export function sealSessionToken(token: string): Promise<string> {
  return sealData({ t: token }, { password: env().SESSION_SECRET, ttl: env().SESSION_ABSOLUTE_TTL_SECONDS });
}

/** The token inside a cookie value, or why there is none. */
export async function unsealSessionToken(cookieValue: string | undefined): Promise<{ ok: true; token: string } | AuthFailure> {
  if (!cookieValue) return failure("session_missing");
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
  return { ok: true, token: content.t };
}

/** Creates the session row and returns the sealed cookie value to set. */
export async function createSession(user: PublicUser, meta: RequestMeta, now = new Date()) {
  const token = generateOpaqueToken();
  const { SESSION_IDLE_TTL_SECONDS: idle, SESSION_ABSOLUTE_TTL_SECONDS: absolute } = env();
  const absoluteExpiresAt = addSeconds(now, absolute);
  const row = await db().session.create({
    data: {
      id: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: earlier(addSeconds(now, idle), absoluteExpiresAt),
      absoluteExpiresAt,
      userAgent: meta.userAgent,
      ip: meta.ip,
    },
  });
  return { cookieValue: await sealSessionToken(token), session: info(row), maxAgeSeconds: absolute };
}

/**
 * Validates a session cookie: unseal, one lookup, expiry. Use refreshes last-seen and slides the
 * idle expiry, written at most once a minute (or a tenth of the idle time) to spare the store.
 */
export async function readSession(cookieValue: string | undefined, now = new Date()): Promise<ValidSession | AuthFailure> {
  const unsealed = await unsealSessionToken(cookieValue);
  if (!unsealed.ok) return unsealed;
  const id = hashToken(unsealed.token);
  const row = await db().session.findUnique({ where: { id }, include: { user: { select: publicUserSelect } } });
  if (!row) return failure("session_revoked");
  if (row.idleExpiresAt <= now || row.absoluteExpiresAt <= now) {
    await db().session.deleteMany({ where: { id } });
    return failure("session_expired");
  }
  const { user, ...session } = row;
  const idle = env().SESSION_IDLE_TTL_SECONDS;
  if (now.getTime() - row.lastSeenAt.getTime() >= Math.min(60, idle / 10) * 1000) {
    session.lastSeenAt = now;
    session.idleExpiresAt = earlier(addSeconds(now, idle), row.absoluteExpiresAt);
    await db().session.updateMany({ where: { id }, data: { lastSeenAt: now, idleExpiresAt: session.idleExpiresAt } });
  }
  return { ok: true, user, session: info(session) };
}

/** Deletes the session behind a cookie: the next request with that cookie is refused. */
export async function revokeSession(cookieValue: string | undefined): Promise<{ revoked: boolean }> {
  const unsealed = await unsealSessionToken(cookieValue);
  if (!unsealed.ok) return { revoked: false };
  const { count } = await db().session.deleteMany({ where: { id: hashToken(unsealed.token) } });
  return { revoked: count > 0 };
}
