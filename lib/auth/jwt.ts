import "server-only";
import { db } from "../db";
import { env } from "../env";
import { type AccessClaims, JWT_AUDIENCE, signAccessToken } from "./access-token";
import type { Logout } from "./contract";
import { type AuthFailure, failure } from "./errors";
import { cookieFailure, type JwtCredential, type VerifiedJwt, verifyJwt } from "./jwt-credential";
import { andThen, type MaybePromise } from "./remembered";
import { sharedRowCache } from "./row-cache";
import type { RequestMeta } from "./request-meta";
import type { PublicUser } from "./users";
import { settled } from "./invalidation";

/**
 * JWT mode (stateless). Stores: nothing (a revocable token's jti only on logout). Sends: a signed
 * token in `Authorization: Bearer` — or, with the cookie transport, in an HttpOnly cookie the
 * browser sends by itself; the check is the same (lib/auth/jwt-credential.ts). Revokes: nothing —
 * a copy works until `exp`, unless revocable.
 */

export { JWT_AUDIENCE } from "./access-token";
export type { JwtCredential } from "./jwt-credential";

export type JwtLogin = { ok: true; accessToken: string; expiresIn: number; claims: AccessClaims };

/**
 * Logs in: signs an access token for the JWT API. Nothing is written anywhere. A `revocable` token
 * (the deny-list option) carries `revocable: true`, and every request with it costs a store lookup.
 * `meta` is not used: a stateless token records nothing about who asked for it.
 */
export async function login(user: PublicUser, _meta: RequestMeta, options: { now?: Date; revocable?: boolean } = {}): Promise<JwtLogin> {
  const expiresIn = env().JWT_TTL_SECONDS;
  const extra = options.revocable ? { revocable: true } : {};
  const { token, claims } = await signAccessToken(user, JWT_AUDIENCE, expiresIn, extra, options.now);
  return { ok: true, accessToken: token, expiresIn, claims };
}

/**
 * Authenticates a request by its token alone (the Authorization header, else the JWT cookie) —
 * plus the deny-list for revocable tokens.
 */
export function authenticate(credential: JwtCredential, options: { now?: Date } = {}): MaybePromise<VerifiedJwt | AuthFailure> {
  return andThen(verifyJwt(credential, options.now), (verified) => {
    if (!verified.ok || verified.claims.revocable !== true) return verified;
    return andThen(isDenied(verified.claims.jti), (denied) =>
      denied ? (verified.source === "cookie" ? cookieFailure(failure("token_revoked")) : failure("token_revoked")) : verified,
    );
  });
}

/**
 * Whether `jti` is on the deny-list. The answer — listed or not — is kept in this instance's memory
 * and forgotten when the store announces the jti was listed (lib/auth/row-cache.ts): a revocable
 * token costs a store read once per instance, not once per request, and is refused everywhere the
 * moment it is listed.
 */
function isDenied(jti: string): MaybePromise<boolean> {
  return deniedCache.get(
    jti,
    () => andThen(db().deniedToken.findUnique({ where: { jti }, select: { jti: true } }), (row) => row !== null),
    () => true,
  );
}

const deniedCache = sharedRowCache<boolean>("d");

/**
 * Logs out. The server has nothing to delete, so a copy keeps working until `exp` — unless the
 * token is revocable: then its jti goes on the deny-list until its exp, after which the signature
 * check refuses it anyway (lib/sweep.ts deletes such entries).
 */
export async function logout(credential: JwtCredential, options: { now?: Date } = {}): Promise<Logout> {
  const result = await authenticate(credential, options);
  if (!result.ok) return { ok: true, revoked: false, message: result.message };
  if (result.claims.revocable !== true) {
    return { ok: true, revoked: false, message: "This token is not revocable: the server keeps no state for it, so it stays valid until exp." };
  }
  try {
    await db().deniedToken.create({ data: { jti: result.claims.jti, userId: result.user.id, expiresAt: new Date(result.claims.exp * 1000) } });
  } catch (error) {
    // Two logouts of one token at once: the other one listed it first, which is what both wanted.
    if ((error as { code?: unknown }).code !== "P2002") throw error;
  }
  // Answered once no instance's cache still says "not listed" for this jti (lib/auth/invalidation.ts).
  await settled();
  return { ok: true, revoked: true, message: "The token's jti is on the deny-list: it is refused from now on." };
}
