import "server-only";
import { jwtCookie, sessionCookie } from "./auth/cookies";
import * as Hybrid from "./auth/hybrid";
import * as Jwt from "./auth/jwt";
import * as Session from "./auth/session";
import { simulatedDevice } from "./auth/session-devices";
import type { PublicUser } from "./auth/users";
import { db } from "./db";
import { env } from "./env";

/**
 * What the server keeps for each mode, for the store view: row counts and bytes of the whole store,
 * and the newest rows — with their hashes shortened — of the caller's own users only. Another
 * visitor's rows (their username, user agent, token family) are never shown: only counted.
 * Tokens themselves are never stored, so none can leak from here.
 *
 * A row says what the view shows of it as data only (the words around it are the page's): a
 * session's revocation reason and user agent (`detail`, as stored — but a simulated device's
 * agent is its number, `simulated`, for the page to word), how long a deny-listed jti
 * stays (`until`), a refresh token's family and parent (null for the first of its family).
 */
export type StoreRow = { id: string; user: string; createdAt: Date; state: "active" | "used" | "revoked" | "expired" } & (
  | { kind: "session"; detail: string; simulated: number | null }
  | { kind: "denied"; until: Date }
  | { kind: "refresh"; family: string; parent: string | null }
);
export type ModeStore = { table: string | null; rows: number; bytes: number; bytesPerRow: number; latest: StoreRow[] };
/** `yours`: the usernames whose rows `latest` shows — those the request proved it is logged in as. */
export type StoreView = { session: ModeStore; jwt: ModeStore; hybrid: ModeStore; yours: string[] };

const SESSION_COLUMNS = ["id", "userId", "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt", "userAgent", "ip"];
const DENIED_COLUMNS = ["jti", "userId", "expiresAt", "createdAt"];
const REFRESH_COLUMNS = ["id", "familyId", "parentId", "userId", "createdAt", "expiresAt", "usedAt", "revokedAt", "revokedReason", "userAgent", "ip"];

/** Bytes of column data a table holds: SQLite's stored sizes, or PostgreSQL's per-row sizes. */
async function tableBytes(table: string, columns: string[]): Promise<number> {
  const sqlite = env().DATABASE_URL.startsWith("file:");
  const sql = sqlite
    ? `SELECT COALESCE(SUM(${columns.map((c) => `COALESCE(length(CAST("${c}" AS BLOB)), 0)`).join(" + ")}), 0) AS bytes FROM "${table}"`
    : `SELECT COALESCE(SUM(pg_column_size(t.*)), 0)::bigint AS bytes FROM "${table}" t`;
  const [row] = await db().$queryRawUnsafe<{ bytes: number | bigint }[]>(sql);
  return Number(row?.bytes ?? 0);
}

/**
 * The whole store's counts and sizes, shared by every caller for a second: the byte sums read every
 * row, and anyone may ask (every open page polls), so one scan a second is the most it costs.
 */
let recent: { at: number; totals: Promise<number[]> } | undefined;
function totals(now = Date.now()): Promise<number[]> {
  if (!recent || now - recent.at >= 1000) {
    const pending = Promise.all([
      db().session.count(),
      db().refreshToken.count(),
      db().deniedToken.count(),
      tableBytes("Session", SESSION_COLUMNS),
      tableBytes("RefreshToken", REFRESH_COLUMNS),
      tableBytes("DeniedToken", DENIED_COLUMNS),
    ]);
    recent = { at: now, totals: pending };
    pending.catch(() => {
      if (recent?.totals === pending) recent = undefined;
    });
  }
  return recent.totals;
}

const short = (hash: string) => `${hash.slice(0, 10)}…`;

/**
 * The users a store-view request is logged in as: the session cookie's (the browser sends it by
 * itself), the Bearer access token's, of either audience (the page adds it), and the JWT cookie's. The session is
 * only looked at, never "used": a page polling this view must not keep an idle session alive.
 */
export async function ownersOf(req: { cookies: { get(name: string): { value: string } | undefined }; headers: Headers }, now = new Date()): Promise<PublicUser[]> {
  const owners = new Map<string, PublicUser>();
  const session = await Session.authenticate(req.cookies.get(sessionCookie().name)?.value, { now, touch: false });
  if (session.ok) owners.set(session.user.id, session.user);
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const access = await Hybrid.authenticate(authorization, { now });
    const verified = access.ok ? access : await Jwt.authenticate({ authorization }, { now });
    if (verified.ok) owners.set(verified.user.id, verified.user);
  }
  const cookie = req.cookies.get(jwtCookie().name)?.value;
  if (cookie) {
    const verified = await Jwt.authenticate({ cookie }, { now });
    if (verified.ok) owners.set(verified.user.id, verified.user);
  }
  return [...owners.values()];
}

/** The store's counts and sizes; rows only of `owners` (none by default: counts only). */
export async function storeView(owners: readonly PublicUser[] = [], now = new Date()): Promise<StoreView> {
  const mine = { userId: { in: owners.map((u) => u.id) } };
  const newest = owners.length > 0;
  const [[sessionRows, refreshRows, deniedRows, sessionBytes, refreshBytes, deniedBytes], sessions, refresh, denied] = await Promise.all([
    totals(),
    newest ? db().session.findMany({ where: mine, orderBy: { createdAt: "desc" }, take: 8, include: { user: { select: { username: true } } } }) : [],
    newest ? db().refreshToken.findMany({ where: mine, orderBy: { createdAt: "desc" }, take: 8, include: { user: { select: { username: true } } } }) : [],
    newest ? db().deniedToken.findMany({ where: mine, orderBy: { createdAt: "desc" }, take: 8 }) : [],
  ]);
  const usernameOf = new Map(owners.map((u) => [u.id, u.username]));
  const per = (bytes: number, rows: number) => (rows ? Math.round(bytes / rows) : 0);
  return {
    session: {
      table: "Session",
      rows: sessionRows,
      bytes: sessionBytes,
      bytesPerRow: per(sessionBytes, sessionRows),
      latest: sessions.map((s) => ({
        id: short(s.id),
        user: s.user.username,
        createdAt: s.createdAt,
        kind: "session",
        detail: [s.revokedReason, simulatedDevice(s.userAgent) === null ? s.userAgent?.slice(0, 40) : null].filter(Boolean).join(" · "),
        simulated: simulatedDevice(s.userAgent),
        // A revoked or evicted row stays until it expires, so that its browser can be told why.
        state: s.revokedAt ? "revoked" : s.idleExpiresAt <= now || s.absoluteExpiresAt <= now ? "expired" : "active",
      })),
    },
    // Nothing per login. Only the revocable option writes here: a logged-out token's jti, until its exp.
    jwt: {
      table: "DeniedToken",
      rows: deniedRows,
      bytes: deniedBytes,
      bytesPerRow: per(deniedBytes, deniedRows),
      latest: denied.map((d) => ({
        id: short(d.jti),
        user: usernameOf.get(d.userId) ?? "",
        createdAt: d.createdAt,
        kind: "denied",
        until: d.expiresAt,
        state: d.expiresAt <= now ? "expired" : "revoked",
      })),
    },
    hybrid: {
      table: "RefreshToken",
      rows: refreshRows,
      bytes: refreshBytes,
      bytesPerRow: per(refreshBytes, refreshRows),
      latest: refresh.map((r) => ({
        id: short(r.id),
        user: r.user.username,
        createdAt: r.createdAt,
        kind: "refresh",
        family: r.familyId.slice(0, 8),
        parent: r.parentId ? short(r.parentId) : null,
        state: r.revokedAt ? "revoked" : r.usedAt ? "used" : r.expiresAt <= now ? "expired" : "active",
      })),
    },
    yours: owners.map((u) => u.username),
  };
}
