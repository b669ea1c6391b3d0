import "server-only";
import Database, { type Statement } from "better-sqlite3";
import { sqliteFilePath } from "../config";
import { db } from "../db";
import { env } from "../env";
import { storeOp } from "../trace";
import type { MaybePromise } from "./remembered";
import { sharedRowCache } from "./row-cache";
import type { PublicUser } from "./users";

/**
 * The one read on every session-mode request: a session row and its user, by primary key.
 *
 * On SQLite it goes straight to better-sqlite3 with a prepared statement (~3 µs) instead of
 * through Prisma's query interpreter (~140 µs for the same query, measured): this lookup is the
 * whole per-request price of the stateful mode, so it is the one place that takes the short road.
 * Every write, and every read on PostgreSQL, goes through Prisma.
 *
 * Most requests need no read at all: the row is kept in this instance's memory (lib/auth/row-cache.ts)
 * and forgotten the moment the store announces a change to it — a logout, a revocation, an eviction,
 * a new idle expiry, on any instance. Without the announcements, every request reads the store.
 */
export type SessionRow = {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  idleTimeoutSeconds: number | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  user: PublicUser;
};

type RawRow = Omit<SessionRow, "user" | "createdAt" | "lastSeenAt" | "idleExpiresAt" | "absoluteExpiresAt" | "revokedAt"> & {
  revokedAt: string | null;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  username: string;
  displayName: string;
};

const SQL = `SELECT s.id, s.userId, s.createdAt, s.lastSeenAt, s.idleExpiresAt, s.absoluteExpiresAt, s.userAgent, s.ip,
  s.idleTimeoutSeconds, s.revokedAt, s.revokedReason, u.username, u.displayName FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE s.id = ?`;

const globalForStore = globalThis as unknown as { loginLabSessionRead?: Statement<[string], RawRow> | null };

function sqliteStatement(): Statement<[string], RawRow> | null {
  if (globalForStore.loginLabSessionRead === undefined) {
    const url = env().DATABASE_URL;
    if (!url.startsWith("file:")) {
      globalForStore.loginLabSessionRead = null;
    } else {
      const conn = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
      conn.pragma("busy_timeout = 5000");
      globalForStore.loginLabSessionRead = conn.prepare<[string], RawRow>(SQL);
    }
  }
  return globalForStore.loginLabSessionRead;
}

const rows = sharedRowCache<SessionRow>("s");

/**
 * SESSION_STORE=memory (or a scale-lab login that asks for it): the rows live in this process
 * only. Another instance cannot know them — claim S7 made visible: sticky sessions or a shared
 * store, or the session is lost. Bounded: past MEMORY_MAX rows, the oldest goes.
 */
const MEMORY_MAX = 10_000;
const globalForMemory = globalThis as unknown as { loginLabMemorySessions?: Map<string, SessionRow> };
export function memorySessions(): Map<string, SessionRow> {
  return (globalForMemory.loginLabMemorySessions ??= new Map());
}

/** Keeps a new in-memory session, making room (the oldest first) past MEMORY_MAX. */
export function keepInMemory(row: SessionRow): void {
  const all = memorySessions();
  all.set(row.id, row);
  if (all.size > MEMORY_MAX) all.delete(all.keys().next().value as string);
}

/** Synchronous on SQLite (better-sqlite3 is synchronous) and for a remembered row, a Promise otherwise. */
export function findSessionWithUser(id: string): MaybePromise<SessionRow | null> {
  return rows.get(id, () => readSession(id));
}

/** The row straight from the store, past the cache: what a check costs without it (measured on /compare). */
export function readSessionFromStore(id: string): MaybePromise<SessionRow | null> {
  return readSession(id);
}

function readSession(id: string): MaybePromise<SessionRow | null> {
  const stmt = sqliteStatement();
  if (!stmt) {
    // A real Promise (Prisma returns a thenable): callers tell sync from async by it.
    return Promise.resolve(db().session.findUnique({ where: { id }, include: { user: { select: { id: true, username: true, displayName: true } } } }));
  }
  const raw = storeOp(() => stmt.get(id)) as RawRow | undefined;
  if (!raw) return null;
  return {
    id: raw.id,
    userId: raw.userId,
    createdAt: new Date(raw.createdAt),
    lastSeenAt: new Date(raw.lastSeenAt),
    idleExpiresAt: new Date(raw.idleExpiresAt),
    absoluteExpiresAt: new Date(raw.absoluteExpiresAt),
    userAgent: raw.userAgent,
    ip: raw.ip,
    idleTimeoutSeconds: raw.idleTimeoutSeconds,
    revokedAt: raw.revokedAt ? new Date(raw.revokedAt) : null,
    revokedReason: raw.revokedReason,
    user: { id: raw.userId, username: raw.username, displayName: raw.displayName },
  };
}
