import "server-only";
import { UAParser } from "ua-parser-js";
import { db, type Tx } from "../db";
import { env } from "../env";
import { type AuthFailure, failure } from "./errors";
import { settled } from "./invalidation";

/**
 * Session mode's fine control (S6): every session of a user as a device, revoke one, revoke all
 * others, and a limit on sessions per user that evicts the oldest. Sessions ended this way keep
 * their row with a reason, so the browser holding one is told why on its very next request.
 */

const REVOKED_BY_USER = "revoked_from_another_device";
export const EVICTED_BY_LIMIT = "evicted_by_session_limit";

/** The refusal a revoked row earns, naming why. */
export function revokedFailure(reason: string | null): AuthFailure {
  if (reason === EVICTED_BY_LIMIT) {
    return failure("session_evicted", { detail: { key: "evicted", values: { max: env().SESSION_MAX_PER_USER } } });
  }
  if (reason === REVOKED_BY_USER) return failure("session_revoked", { detail: { key: "revokedByUser" } });
  return failure("session_revoked");
}

/**
 * What a device is called, as parts the page words in its language (messages `deviceRow.*`):
 * a browser (on an operating system), one of the store view's simulated devices, a program's own
 * user agent as it is, or nothing known.
 */
export type DeviceLabel =
  | { kind: "browser"; browser: string; os: string | null }
  | { kind: "simulated"; n: number }
  | { kind: "agent"; agent: string }
  | { kind: "unknown" };

/** The user agent "Log in N more devices" stores: `Simulated device 3`. */
export const SIMULATED_AGENT = "Simulated device";
const SIMULATED_AGENT_PATTERN = new RegExp(`^${SIMULATED_AGENT} (\\d+)$`);

/** The number of a simulated device's user agent (`Simulated device 3` → 3), or null. */
export function simulatedDevice(userAgent: string | null): number | null {
  const m = userAgent ? SIMULATED_AGENT_PATTERN.exec(userAgent) : null;
  return m ? Number(m[1]) : null;
}

export function deviceLabel(userAgent: string | null): DeviceLabel {
  if (!userAgent) return { kind: "unknown" };
  const simulated = simulatedDevice(userAgent);
  if (simulated !== null) return { kind: "simulated", n: simulated };
  const ua = new UAParser(userAgent).getResult();
  if (!ua.browser.name) return { kind: "agent", agent: userAgent.slice(0, 48) };
  const os = ua.os.name ? `${ua.os.name}${ua.os.version ? ` ${ua.os.version}` : ""}` : null;
  return { kind: "browser", browser: `${ua.browser.name} ${ua.browser.major ?? ""}`.trim(), os };
}

export type Device = {
  id: string;
  /** The device's name in English, as the API words it; the page words `label` instead. */
  device: string;
  label: DeviceLabel;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  current: boolean;
};

/** "Chrome 156 on Linux" from a user agent; the raw string's start when it is not a browser's. */
export function deviceName(userAgent: string | null): string {
  const label = deviceLabel(userAgent);
  switch (label.kind) {
    case "unknown":
      return "unknown device";
    case "simulated":
      return `${SIMULATED_AGENT} ${label.n}`;
    case "agent":
      return label.agent;
    case "browser":
      return label.os ? `${label.browser} on ${label.os}` : label.browser;
  }
}

const live = (now: Date) => ({ revokedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } });

/** The user's live sessions, newest first, with the one making this request marked. */
export async function listDevices(userId: string, currentId: string, now = new Date()): Promise<Device[]> {
  const rows = await db().session.findMany({ where: { userId, ...live(now) }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    device: deviceName(r.userAgent),
    label: deviceLabel(r.userAgent),
    ip: r.ip,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.idleExpiresAt < r.absoluteExpiresAt ? r.idleExpiresAt : r.absoluteExpiresAt,
    current: r.id === currentId,
  }));
}

/** Revokes one of the user's sessions (never another user's). */
export async function revokeDevice(userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const { count } = await db().session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: now, revokedReason: REVOKED_BY_USER },
  });
  if (count > 0) await settled();
  return count > 0;
}

/** Revokes every session of the user except the current one; returns how many. */
export async function revokeOtherDevices(userId: string, currentId: string, now = new Date()): Promise<number> {
  // By id, so that exactly these rows are announced to the instances' caches (lib/db.ts `changed`).
  const ids = (await db().session.findMany({ where: { userId, id: { not: currentId }, revokedAt: null }, select: { id: true } })).map((r) => r.id);
  if (ids.length === 0) return 0;
  const { count } = await db().session.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: now, revokedReason: REVOKED_BY_USER } });
  if (count > 0) await settled();
  return count;
}

/**
 * Before a login, inside its transaction (after the user's row is locked): forgets the user's
 * long-dead rows, then evicts the oldest live sessions so that the new one fits within
 * SESSION_MAX_PER_USER.
 */
export async function makeRoomFor(tx: Tx, userId: string, now: Date): Promise<number> {
  const anHourAgo = new Date(now.getTime() - 3600_000);
  // By id, so that exactly these rows are announced to the instances' caches (lib/db.ts `changed`).
  const dead = await tx.session.findMany({ where: { userId, OR: [{ absoluteExpiresAt: { lt: anHourAgo } }, { idleExpiresAt: { lt: anHourAgo } }] }, select: { id: true } });
  if (dead.length) await tx.session.deleteMany({ where: { id: { in: dead.map((r) => r.id) } } });
  const liveRows = await tx.session.findMany({ where: { userId, ...live(now) }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const excess = liveRows.length - (env().SESSION_MAX_PER_USER - 1);
  if (excess <= 0) return 0;
  const oldest = liveRows.slice(0, excess).map((r) => r.id);
  await tx.session.updateMany({ where: { id: { in: oldest } }, data: { revokedAt: now, revokedReason: EVICTED_BY_LIMIT } });
  return excess;
}
