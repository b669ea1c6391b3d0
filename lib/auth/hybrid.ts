import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import type { MaybePromise } from "../trace";
import { type AccessClaims, bearerToken, signAccessToken, verifyAccessToken, type VerifiedAccess } from "./access-token";
import { type AuthFailure, failure } from "./errors";
import type { RequestMeta } from "./request-meta";
import { generateOpaqueToken, hashToken } from "./tokens";
import { type PublicUser, publicUserSelect } from "./users";

/**
 * Hybrid mode: a short-lived access JWT (kept in page memory, verified without a lookup) plus an
 * opaque refresh token in an HttpOnly cookie, stored hashed. Every refresh rotates the token: the
 * old row is marked used and a child is created in the same family. Presenting a used token again
 * means two parties hold it, so the whole family is revoked.
 */

export const HYBRID_AUDIENCE = "login-lab:hybrid";

export type HybridTokens = {
  accessToken: string;
  expiresIn: number;
  claims: AccessClaims;
  refreshToken: string;
  refreshMaxAgeSeconds: number;
  familyId: string;
};

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

/**
 * Mints a refresh token (and an access token). With `claim`, the parent is marked used in the same
 * transaction; a grace-window sibling is minted from a parent already used, without claiming it.
 */
async function issue(
  user: PublicUser,
  familyId: string,
  parentId: string | null,
  meta: RequestMeta,
  now: Date,
  claim = true,
): Promise<HybridTokens> {
  const refreshToken = generateOpaqueToken();
  const refreshMaxAgeSeconds = env().REFRESH_TTL_SECONDS;
  const row = {
    id: hashToken(refreshToken),
    familyId,
    parentId,
    userId: user.id,
    createdAt: now,
    expiresAt: addSeconds(now, refreshMaxAgeSeconds),
    userAgent: meta.userAgent,
    ip: meta.ip,
  };
  // Claiming the parent and creating the child happen together or not at all. `usedAt: null` in
  // the filter makes two concurrent rotations of one parent race for one row: only one wins.
  await db().$transaction(async (tx) => {
    if (parentId && claim) {
      const claimed = await tx.refreshToken.updateMany({ where: { id: parentId, usedAt: null, revokedAt: null }, data: { usedAt: now } });
      if (claimed.count !== 1) throw new RotationLost();
    }
    await tx.refreshToken.create({ data: row });
  });
  const expiresIn = env().HYBRID_ACCESS_TTL_SECONDS;
  const { token, claims } = await signAccessToken(user, HYBRID_AUDIENCE, expiresIn, { sid: familyId }, now);
  return { accessToken: token, expiresIn, claims, refreshToken, refreshMaxAgeSeconds, familyId };
}

class RotationLost extends Error {}

/** Logs in: a new refresh-token family and its first access token. */
export function createHybridLogin(user: PublicUser, meta: RequestMeta, now = new Date()): Promise<HybridTokens> {
  return issue(user, randomUUID(), null, meta, now);
}

/** Authenticates an API request by its Bearer access token alone, like JWT mode. */
export function readHybrid(authorization: string | null, now = new Date()): MaybePromise<VerifiedAccess | AuthFailure> {
  const bearer = bearerToken(authorization);
  if (!bearer.ok) return bearer;
  return verifyAccessToken(bearer.token, HYBRID_AUDIENCE, now);
}

export async function revokeFamily(familyId: string, reason: string, now: Date) {
  await db().refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
}

/**
 * Exchanges a refresh token for a new access token and a new (rotated) refresh token.
 *
 * A token presented again after its rotation means two holders — unless it comes back within
 * REFRESH_GRACE_SECONDS of that rotation: then it is the same browser racing itself (two tabs, a
 * burst of requests), and it gets a sibling token instead of a logout. Outside the window the
 * whole family is revoked.
 */
export async function refreshHybrid(refreshToken: string | undefined, meta: RequestMeta, now = new Date()): Promise<({ ok: true } & HybridTokens) | AuthFailure> {
  if (!refreshToken) return failure("refresh_missing");
  if (refreshToken.length > 128) return failure("refresh_invalid");
  const id = hashToken(refreshToken);
  const row = await db().refreshToken.findUnique({ where: { id }, include: { user: { select: publicUserSelect } } });
  if (!row) return failure("refresh_invalid");
  if (row.revokedAt) return failure("refresh_revoked", { message: `The refresh token's family was revoked (${row.revokedReason ?? "revoked"}).` });
  if (row.expiresAt <= now) return failure("refresh_expired");
  if (row.usedAt) return reuse(row, meta, now);
  try {
    return { ok: true, ...(await issue(row.user, row.familyId, row.id, meta, now)) };
  } catch (error) {
    if (!(error instanceof RotationLost)) throw error;
    // Another request rotated this token between our read and our claim.
    const again = await db().refreshToken.findUnique({ where: { id }, include: { user: { select: publicUserSelect } } });
    if (!again?.usedAt || again.revokedAt) return failure("refresh_revoked");
    return reuse(again, meta, now);
  }
}

type UsedRow = { id: string; familyId: string; usedAt: Date | null; user: PublicUser };

async function reuse(row: UsedRow, meta: RequestMeta, now: Date): Promise<({ ok: true } & HybridTokens) | AuthFailure> {
  if (withinGrace(row.usedAt, now)) return { ok: true, ...(await issue(row.user, row.familyId, row.id, meta, now, false)) };
  await revokeFamily(row.familyId, "reuse_detected", now);
  return failure("refresh_reused");
}

/** Whether a token used at `usedAt` may still be presented at `now` without counting as theft. */
export function withinGrace(usedAt: Date | null, now: Date, graceSeconds = env().REFRESH_GRACE_SECONDS): boolean {
  return usedAt !== null && now.getTime() - usedAt.getTime() <= graceSeconds * 1000;
}

/** What a refresh token would get if presented now, without rotating it (the replay lab's check). */
export async function refreshTokenState(refreshToken: string, now = new Date()): Promise<{ ok: true } | AuthFailure> {
  const row = await db().refreshToken.findUnique({ where: { id: hashToken(refreshToken) } });
  if (!row) return failure("refresh_invalid");
  if (row.revokedAt) return failure("refresh_revoked", { message: `The refresh token's family was revoked (${row.revokedReason ?? "revoked"}).` });
  if (row.expiresAt <= now) return failure("refresh_expired");
  if (row.usedAt && !withinGrace(row.usedAt, now)) return failure("refresh_reused", { message: "Already rotated: presenting it would revoke the family." });
  return { ok: true };
}

/** Logs out: revokes the family of the presented refresh token, so no refresh works any more. */
export async function revokeHybrid(refreshToken: string | undefined, now = new Date()): Promise<{ revoked: boolean }> {
  if (!refreshToken || refreshToken.length > 128) return { revoked: false };
  const row = await db().refreshToken.findUnique({ where: { id: hashToken(refreshToken) }, select: { familyId: true } });
  if (!row) return { revoked: false };
  await revokeFamily(row.familyId, "logout", now);
  return { revoked: true };
}
