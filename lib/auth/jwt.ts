import "server-only";
import { env } from "../env";
import type { MaybePromise } from "../trace";
import { type AccessClaims, bearerToken, signAccessToken, verifyAccessToken, type VerifiedAccess } from "./access-token";
import type { AuthFailure } from "./errors";
import type { PublicUser } from "./users";

/**
 * JWT mode (stateless). Login signs a token and stores nothing; every request carries the token in
 * `Authorization: Bearer …` and is verified from the token alone: signature and claims, no lookup.
 * The price: nothing on the server can end a token before its `exp`.
 */

export const JWT_AUDIENCE = "login-lab:jwt";

export type JwtLogin = { accessToken: string; expiresIn: number; claims: AccessClaims };

/** Signs an access token for the JWT API. Nothing is written anywhere. */
export async function createJwtLogin(user: PublicUser, now = new Date()): Promise<JwtLogin> {
  const expiresIn = env().JWT_TTL_SECONDS;
  const { token, claims } = await signAccessToken(user, JWT_AUDIENCE, expiresIn, {}, now);
  return { accessToken: token, expiresIn, claims };
}

/** Authenticates a request by its Authorization header alone. */
export function readJwt(authorization: string | null, now = new Date()): MaybePromise<VerifiedAccess | AuthFailure> {
  const bearer = bearerToken(authorization);
  if (!bearer.ok) return bearer;
  return verifyAccessToken(bearer.token, JWT_AUDIENCE, now);
}

/**
 * Logging out of JWT mode only makes the client forget the token. The server has nothing to
 * delete, so a copy of the token keeps working until `exp`.
 */
export function revokeJwt(): { revoked: false; reason: string } {
  return { revoked: false, reason: "A signed JWT cannot be revoked without server state: it stays valid until exp." };
}
