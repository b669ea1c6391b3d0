import "server-only";
import { db } from "../db";
import { env } from "../env";
import { isThenable, type MaybePromise } from "../trace";
import { type AccessClaims, bearerToken, signAccessToken, verifyAccessToken, type VerifiedAccess } from "./access-token";
import { type AuthFailure, failure } from "./errors";
import type { PublicUser } from "./users";

/**
 * JWT mode (stateless). Login signs a token and stores nothing; every request carries the token in
 * `Authorization: Bearer …` and is verified from the token alone: signature and claims, no lookup.
 * The price: nothing on the server can end a token before its `exp`.
 */

export const JWT_AUDIENCE = "login-lab:jwt";

export type JwtLogin = { accessToken: string; expiresIn: number; claims: AccessClaims };

/**
 * Signs an access token for the JWT API. Nothing is written anywhere. A `revocable` token (the
 * deny-list option) carries `revocable: true`, and every request with it costs a store lookup.
 */
export async function createJwtLogin(user: PublicUser, options: { revocable?: boolean; now?: Date } = {}): Promise<JwtLogin> {
  const expiresIn = env().JWT_TTL_SECONDS;
  const extra = options.revocable ? { revocable: true } : {};
  const { token, claims } = await signAccessToken(user, JWT_AUDIENCE, expiresIn, extra, options.now);
  return { accessToken: token, expiresIn, claims };
}

/** Authenticates a request by its Authorization header alone — plus the deny-list for revocable tokens. */
export function readJwt(authorization: string | null, now = new Date()): MaybePromise<VerifiedAccess | AuthFailure> {
  const bearer = bearerToken(authorization);
  if (!bearer.ok) return bearer;
  const verified = verifyAccessToken(bearer.token, JWT_AUDIENCE, now);
  return isThenable(verified) ? verified.then(checkDenyList) : checkDenyList(verified);
}

function checkDenyList(result: VerifiedAccess | AuthFailure): MaybePromise<VerifiedAccess | AuthFailure> {
  if (!result.ok || result.claims.revocable !== true) return result;
  return db()
    .deniedToken.findUnique({ where: { jti: result.claims.jti }, select: { jti: true } })
    .then((denied) => (denied ? failure("token_revoked") : result));
}

/**
 * Logging out of JWT mode makes the client forget the token. The server has nothing to delete,
 * so a copy keeps working until `exp` — unless the token is revocable: then its jti goes on the
 * deny-list (until its exp, after which the signature check refuses it anyway; lib/sweep.ts
 * deletes such entries).
 */
export async function revokeJwt(authorization: string | null, now = new Date()): Promise<{ revoked: boolean; message: string }> {
  const result = await readJwt(authorization, now);
  if (!result.ok) return { revoked: false, message: result.message };
  if (result.claims.revocable !== true) {
    return { revoked: false, message: "This token is not revocable: the server keeps no state for it, so it stays valid until exp." };
  }
  try {
    await db().deniedToken.create({ data: { jti: result.claims.jti, userId: result.user.id, expiresAt: new Date(result.claims.exp * 1000) } });
  } catch (error) {
    // Two logouts of one token at once: the other one listed it first, which is what both wanted.
    if ((error as { code?: unknown }).code !== "P2002") throw error;
  }
  return { revoked: true, message: "The token's jti is on the deny-list: it is refused from now on." };
}
