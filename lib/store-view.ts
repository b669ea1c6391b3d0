import "server-only";
import { db } from "./db";
import { env } from "./env";

/**
 * What the server keeps for each mode, for the store view: row counts, bytes, and the newest rows
 * with their hashes shortened. Tokens themselves are never stored, so none can leak from here.
 */
export type StoreRow = { id: string; user: string; createdAt: Date; detail: string; state: "active" | "used" | "revoked" | "expired" };
export type ModeStore = { table: string | null; rows: number; bytes: number; bytesPerRow: number; latest: StoreRow[] };
export type StoreView = { session: ModeStore; jwt: ModeStore; hybrid: ModeStore };

const SESSION_COLUMNS = ["id", "userId", "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt", "userAgent", "ip"];
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

const short = (hash: string) => `${hash.slice(0, 10)}…`;

export async function storeView(now = new Date()): Promise<StoreView> {
  const [sessionRows, refreshRows, sessionBytes, refreshBytes, sessions, refresh] = await Promise.all([
    db().session.count(),
    db().refreshToken.count(),
    tableBytes("Session", SESSION_COLUMNS),
    tableBytes("RefreshToken", REFRESH_COLUMNS),
    db().session.findMany({ orderBy: { createdAt: "desc" }, take: 8, include: { user: { select: { username: true } } } }),
    db().refreshToken.findMany({ orderBy: { createdAt: "desc" }, take: 8, include: { user: { select: { username: true } } } }),
  ]);
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
        detail: s.userAgent?.slice(0, 40) ?? "",
        state: s.idleExpiresAt <= now || s.absoluteExpiresAt <= now ? "expired" : "active",
      })),
    },
    jwt: { table: null, rows: 0, bytes: 0, bytesPerRow: 0, latest: [] },
    hybrid: {
      table: "RefreshToken",
      rows: refreshRows,
      bytes: refreshBytes,
      bytesPerRow: per(refreshBytes, refreshRows),
      latest: refresh.map((r) => ({
        id: short(r.id),
        user: r.user.username,
        createdAt: r.createdAt,
        detail: `family ${r.familyId.slice(0, 8)}${r.parentId ? ` · child of ${short(r.parentId)}` : " · first"}`,
        state: r.revokedAt ? "revoked" : r.usedAt ? "used" : r.expiresAt <= now ? "expired" : "active",
      })),
    },
  };
}
