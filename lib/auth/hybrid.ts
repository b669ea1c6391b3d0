import "server-only";
import { createHash, createHmac, randomUUID } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { type AccessClaims, HYBRID_AUDIENCE, signAccessToken, type VerifiedAccess, verifyBearer } from "./access-token";
import type { Logout } from "./contract";
import { type AuthFailure, failure } from "./errors";
import type { MaybePromise } from "./remembered";
import type { RequestMeta } from "./request-meta";
import { generateOpaqueToken, hashToken } from "./tokens";
import { type PublicUser, publicUserSelect } from "./users";
import { settled } from "./invalidation";

/**
 * Hybrid mode (JWT + refresh). Stores: a row per refresh token, hashed, in a family per login.
 * Sends: a short-lived access JWT by script, the refresh token in an HttpOnly cookie. Revokes: the
 * family — refresh stops at once, the access token lives out its short `exp`.
 *
 * Every refresh rotates the token: the old row is marked used and a child is created in the same
 * family. Presenting a used token again means two parties hold it, so the whole family is revoked.
 *
 * The child of a token is derived from it (an HMAC under a server key), not drawn at random: a
 * retry of the latest parent within REFRESH_GRACE_SECONDS — two tabs at once, a response lost on
 * the way — gets the very same child, so there is only ever one live branch, and nothing secret is
 * stored. A family ends REFRESH_FAMILY_MAX_SECONDS after its login however often it rotates, and
 * keeps only its newest KEEP_USED used tokens (older ones are deleted as the chain moves on).
 */

export { HYBRID_AUDIENCE } from "./access-token";

/** Used tokens a family keeps for reuse detection; older ones are deleted at each rotation. */
export const KEEP_USED = 10;

export type HybridTokens = {
  ok: true;
  accessToken: string;
  expiresIn: number;
  claims: AccessClaims;
  refreshToken: string;
  refreshMaxAgeSeconds: number;
  familyId: string;
};

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

const childKey = () => createHash("sha256").update(`login-lab refresh child\0${env().SESSION_SECRET}`).digest();

/** The token a rotation of `parent` yields: always the same one, unguessable without the server key. */
export function childToken(parent: string): string {
  return createHmac("sha256", childKey()).update(parent).digest("base64url");
}

type Family = { familyId: string; familyCreatedAt: Date; generation: number };

/** A token's expiry: the refresh lifetime from now, never past the family's maximum lifetime. */
function expiryOf(family: Family, now: Date): Date {
  return earlier(addSeconds(now, env().REFRESH_TTL_SECONDS), addSeconds(family.familyCreatedAt, env().REFRESH_FAMILY_MAX_SECONDS));
}

async function tokensFor(user: PublicUser, family: Family, refreshToken: string, expiresAt: Date, now: Date): Promise<HybridTokens> {
  const expiresIn = env().HYBRID_ACCESS_TTL_SECONDS;
  const { token, claims } = await signAccessToken(user, HYBRID_AUDIENCE, expiresIn, { sid: family.familyId }, now);
  const refreshMaxAgeSeconds = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return { ok: true, accessToken: token, expiresIn, claims, refreshToken, refreshMaxAgeSeconds, familyId: family.familyId };
}

type Parent = Family & { id: string; userId: string };

/**
 * Stores a refresh token and returns it with an access token. With a parent, the parent is claimed
 * (marked used) in the same transaction, and the family's used tokens beyond KEEP_USED go.
 * `usedAt: null` in the claim makes two concurrent rotations of one parent race for one row.
 */
async function issue(user: PublicUser, family: Family, token: string, parent: Parent | null, meta: RequestMeta, now: Date): Promise<HybridTokens> {
  const expiresAt = expiryOf(family, now);
  const row = {
    id: hashToken(token),
    familyId: family.familyId,
    familyCreatedAt: family.familyCreatedAt,
    generation: family.generation,
    parentId: parent?.id ?? null,
    userId: user.id,
    createdAt: now,
    expiresAt,
    userAgent: meta.userAgent,
    ip: meta.ip,
  };
  await db().$transaction(async (tx) => {
    if (parent) {
      const claimed = await tx.refreshToken.updateMany({ where: { id: parent.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
      if (claimed.count !== 1) throw new RotationLost();
      await tx.refreshToken.deleteMany({ where: { familyId: family.familyId, generation: { lt: parent.generation - KEEP_USED + 1 } } });
    }
    await tx.refreshToken.create({ data: row });
  });
  return tokensFor(user, family, token, expiresAt, now);
}

class RotationLost extends Error {}

/** Logs in: a new refresh-token family and its first access token. */
export function login(user: PublicUser, meta: RequestMeta, options: { now?: Date } = {}): Promise<HybridTokens> {
  const now = options.now ?? new Date();
  return issue(user, { familyId: randomUUID(), familyCreatedAt: now, generation: 0 }, generateOpaqueToken(), null, meta, now);
}

/** Authenticates an API request by its Bearer access token alone, like JWT mode. */
export function authenticate(authorization: string | null, options: { now?: Date } = {}): MaybePromise<VerifiedAccess | AuthFailure> {
  return verifyBearer(authorization, HYBRID_AUDIENCE, options.now);
}

export async function revokeFamily(familyId: string, reason: string, now: Date) {
  await db().refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  // Refresh reads the store, but the answer waits all the same: "revoked" is then true everywhere.
  await settled();
}

/**
 * Exchanges a refresh token for a new access token and a new (rotated) refresh token.
 *
 * A used token presented again means two holders — unless it is the latest parent, back within
 * REFRESH_GRACE_SECONDS of its rotation: then it is the same browser racing itself (two tabs, a
 * lost response), and it gets the same child again. Anything else revokes the whole family.
 */
export async function refresh(refreshToken: string | undefined, meta: RequestMeta, options: { now?: Date } = {}): Promise<HybridTokens | AuthFailure> {
  const now = options.now ?? new Date();
  if (!refreshToken) return failure("refresh_missing");
  if (refreshToken.length > 128) return failure("refresh_invalid");
  const row = await findToken(refreshToken);
  if (!row) return failure("refresh_invalid");
  const refused = refusal(row, now);
  if (refused) return refused;
  if (row.usedAt) return retryOrRevoke(row, refreshToken, now);
  const child = childToken(refreshToken);
  try {
    return await issue(row.user, { ...row, generation: row.generation + 1 }, child, row, meta, now);
  } catch (error) {
    if (!(error instanceof RotationLost)) throw error;
    // Another request rotated this token between our read and our claim: it is now a retry.
    const again = await findToken(refreshToken);
    if (!again?.usedAt || again.revokedAt) return failure("refresh_revoked");
    return retryOrRevoke(again, refreshToken, now);
  }
}

const findToken = (token: string) => db().refreshToken.findUnique({ where: { id: hashToken(token) }, include: { user: { select: publicUserSelect } } });

type Row = NonNullable<Awaited<ReturnType<typeof findToken>>>;

function refusal(row: Pick<Row, "revokedAt" | "revokedReason" | "expiresAt">, now: Date): AuthFailure | null {
  if (row.revokedAt) return failure("refresh_revoked", { detail: { key: "familyRevoked", values: { reason: row.revokedReason ?? "revoked" } } });
  if (row.expiresAt <= now) return failure("refresh_expired");
  return null;
}

/** The live child of a used token, when that token is the family's latest parent; else null. */
async function liveChild(row: Pick<Row, "usedAt">, refreshToken: string, now: Date) {
  if (!withinGrace(row.usedAt, now)) return null;
  const child = await db().refreshToken.findUnique({ where: { id: hashToken(childToken(refreshToken)) } });
  return child && !child.usedAt && !child.revokedAt && child.expiresAt > now ? child : null;
}

async function retryOrRevoke(row: Row, refreshToken: string, now: Date): Promise<HybridTokens | AuthFailure> {
  const child = await liveChild(row, refreshToken, now);
  if (child) return tokensFor(row.user, child, childToken(refreshToken), child.expiresAt, now);
  await revokeFamily(row.familyId, "reuse_detected", now);
  return failure("refresh_reused");
}

/** Whether a token used at `usedAt` may still be presented at `now` without counting as theft. */
export function withinGrace(usedAt: Date | null, now: Date, graceSeconds = env().REFRESH_GRACE_SECONDS): boolean {
  return usedAt !== null && now.getTime() - usedAt.getTime() <= graceSeconds * 1000;
}

/** What a refresh token would get if presented now, without rotating it (the replay lab's check). */
export async function refreshState(refreshToken: string, options: { now?: Date } = {}): Promise<{ ok: true } | AuthFailure> {
  const now = options.now ?? new Date();
  const row = await findToken(refreshToken);
  if (!row) return failure("refresh_invalid");
  const refused = refusal(row, now);
  if (refused) return refused;
  if (row.usedAt && !(await liveChild(row, refreshToken, now))) return failure("refresh_reused", { detail: { key: "alreadyRotated" } });
  return { ok: true };
}

/** Logs out: revokes the family of the presented refresh token, so no refresh works any more. */
export async function logout(refreshToken: string | undefined, options: { now?: Date } = {}): Promise<Logout> {
  if (!refreshToken || refreshToken.length > 128) return { ok: true, revoked: false, message: "No refresh token was sent." };
  const row = await db().refreshToken.findUnique({ where: { id: hashToken(refreshToken) }, select: { familyId: true } });
  if (!row) return { ok: true, revoked: false, message: "No such refresh token." };
  await revokeFamily(row.familyId, "logout", options.now ?? new Date());
  return { ok: true, revoked: true, message: "The refresh-token family is revoked: no refresh works any more; the access token lives out its exp." };
}
