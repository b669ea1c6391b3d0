import "server-only";
import { bearerToken, JWT_AUDIENCE, verifyAccessToken, type VerifiedAccess } from "./access-token";
import { type AuthFailure, failure } from "./errors";
import { andThen, type MaybePromise } from "./remembered";

/**
 * The JWT mode's credential as a request brings it, and its stateless check — signature and
 * claims, nothing stored. No store here, so proxy.ts may import this; lib/auth/jwt.ts adds the
 * deny-list lookup for revocable tokens.
 */

/**
 * The token travels one of two ways (lib/jwt-transport.ts): in `Authorization: Bearer`, added by
 * script, or in the HttpOnly JWT cookie, sent by the browser. A request with an Authorization
 * header is judged by that header alone — an explicit credential beats one that merely came
 * along — and the cookie is read only when there is no header.
 */
export type JwtCredential = { authorization?: string | null; cookie?: string | null };

export type JwtSource = "bearer" | "cookie";

/** Which of the two is this request's credential, or `token_missing` when neither came. */
export function sourceOf(credential: JwtCredential): { ok: true; source: JwtSource; token: string } | AuthFailure {
  if (credential.authorization) {
    const bearer = bearerToken(credential.authorization);
    return bearer.ok ? { ok: true, source: "bearer", token: bearer.token } : bearer;
  }
  if (credential.cookie) return { ok: true, source: "cookie", token: credential.cookie };
  return failure("token_missing");
}

/**
 * A failure of the cookie's token, in the cookie's own codes: a client that never saw the token
 * cannot have altered it, so what matters is whether it expired, was revoked, or is not ours. The
 * token check's own code stays in the message.
 */
export function cookieFailure(f: AuthFailure): AuthFailure {
  const code = f.code === "token_expired" ? "jwt_cookie_expired" : f.code === "token_revoked" ? "jwt_cookie_revoked" : "jwt_cookie_invalid";
  return code === "jwt_cookie_invalid" ? failure(code, { message: `${failure(code).message} (${f.code})` }) : failure(code);
}

export type VerifiedJwt = VerifiedAccess & { source: JwtSource };

/** The stateless check: is this a token we signed for the JWT API, valid now? */
export function verifyJwt(credential: JwtCredential, now?: Date): MaybePromise<VerifiedJwt | AuthFailure> {
  const found = sourceOf(credential);
  if (!found.ok) return found;
  return andThen(verifyAccessToken(found.token, JWT_AUDIENCE, now), (result): VerifiedJwt | AuthFailure => {
    if (!result.ok) return found.source === "cookie" ? cookieFailure(result) : result;
    return { ...result, source: found.source };
  });
}
