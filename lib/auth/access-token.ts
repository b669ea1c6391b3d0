import "server-only";
import { randomUUID } from "node:crypto";
import { errors, type JWTHeaderParameters, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { env } from "../env";
import { noteCheck } from "../trace";
import { type AuthFailure, failure } from "./errors";
import { signingKey, verifiableNow, verificationKey } from "./keys";
import { type MaybePromise, sharedRemembered } from "./remembered";
import type { PublicUser } from "./users";

/**
 * Signed (not encrypted) access tokens, shared by the JWT and Hybrid modes. Anyone holding one can
 * read its payload; only this server's private key can produce a valid signature.
 */

/** RFC 9068's media type for JWT access tokens: keeps ID tokens and other JWTs out. */
const ACCESS_TOKEN_TYP = "at+jwt";
const ALGORITHMS = ["EdDSA"];

/** Which API a token is for: a JWT-mode token is refused by the Hybrid API and vice versa. */
export const JWT_AUDIENCE = "login-lab:jwt";
export const HYBRID_AUDIENCE = "login-lab:hybrid";
export type Audience = typeof JWT_AUDIENCE | typeof HYBRID_AUDIENCE;

export type AccessClaims = JWTPayload & {
  sub: string;
  jti: string;
  exp: number;
  iat: number;
  preferred_username: string;
  name: string;
  /** Hybrid only: the refresh-token family this access token was minted from. */
  sid?: string;
  /** JWT mode's deny-list option: this token is checked against the deny-list on every request. */
  revocable?: boolean;
};

export type VerifiedAccess = { ok: true; user: PublicUser; claims: AccessClaims };

export async function signAccessToken(
  user: PublicUser,
  audience: Audience,
  ttlSeconds: number,
  extra: { sid?: string; revocable?: boolean } = {},
  now = new Date(),
): Promise<{ token: string; claims: AccessClaims }> {
  const { kid, privateKey } = await signingKey();
  const iat = Math.floor(now.getTime() / 1000);
  const claims: AccessClaims = {
    iss: env().JWT_ISSUER,
    aud: audience,
    sub: user.id,
    preferred_username: user.username,
    name: user.displayName,
    iat,
    nbf: iat,
    exp: iat + ttlSeconds,
    jti: randomUUID(),
    ...extra,
  };
  const token = await new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", typ: ACCESS_TOKEN_TYP, kid }).sign(privateKey);
  return { token, claims };
}

/** Header parameters that would let the token choose its own verification key. */
const FORBIDDEN_HEADERS = ["jku", "x5u", "jwk", "x5c"] as const;

class HeaderRejected extends Error {
  constructor(readonly code: "token_header_forbidden" | "token_unknown_kid") {
    super(code);
  }
}

/**
 * Tokens that passed every check but time, remembered (lib/auth/remembered.ts): ~120 µs saved
 * each. Shared with proxy.ts, which verifies first: the route's own check is then a hit. The
 * signing key's kid is remembered too: once that key retires, the token is no longer taken on trust.
 */
const verified = sharedRemembered<VerifiedAccess & { audience: Audience; kid: string }>("access-token");

/**
 * Verifies signature, algorithm, typ, iss, aud, exp, nbf and the required claims. Synchronous
 * for a token already verified once (only its time claims and that its key still verifies are
 * checked again), a Promise otherwise.
 */
export function verifyAccessToken(token: string, audience: Audience, now = new Date()): MaybePromise<VerifiedAccess | AuthFailure> {
  const hit = verified.recall(token, now.getTime());
  if (!hit || hit.value.audience !== audience || !verifiableNow(hit.value.kid)) {
    noteCheck("full");
    return verifyFully(token, audience, now);
  }
  noteCheck("remembered");
  if (hit.window === "ended") return failure("token_expired");
  if (hit.window === "not_yet") return failure("token_not_yet_valid");
  return { ok: true, user: hit.value.user, claims: hit.value.claims };
}

/**
 * Each part must be canonical base64url: decoders ignore the spare bits of the last character,
 * so without this check one token would have several spellings that all verify — harmless for the
 * signature, but a "different" token that a deny-list or a cache keyed by the string would miss.
 */
function canonical(token: string): boolean {
  const parts = token.split(".");
  return parts.length === 3 && parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p) && Buffer.from(p, "base64url").toString("base64url") === p);
}

async function verifyFully(token: string, audience: Audience, now: Date): Promise<VerifiedAccess | AuthFailure> {
  if (token.length > 4096 || !canonical(token)) return failure("token_malformed");
  try {
    const { payload, protectedHeader } = await jwtVerify(
      token,
      async (header: JWTHeaderParameters) => {
        if (FORBIDDEN_HEADERS.some((h) => h in header)) throw new HeaderRejected("token_header_forbidden");
        // next, current or previous; a retired or unknown kid verifies nothing.
        const key = typeof header.kid === "string" ? await verificationKey(header.kid) : undefined;
        if (!key) throw new HeaderRejected("token_unknown_kid");
        return key;
      },
      {
        algorithms: ALGORITHMS,
        issuer: env().JWT_ISSUER,
        audience,
        typ: ACCESS_TOKEN_TYP,
        requiredClaims: ["sub", "jti", "iat", "exp", "nbf"],
        currentDate: now,
      },
    );
    if (typeof payload.preferred_username !== "string" || typeof payload.name !== "string") {
      return failure("token_claim_invalid");
    }
    const claims = payload as AccessClaims;
    const result: VerifiedAccess = { ok: true, claims, user: { id: claims.sub, username: claims.preferred_username, displayName: claims.name } };
    verified.remember(token, { ...result, audience, kid: protectedHeader.kid as string }, (claims.nbf ?? claims.iat) * 1000, claims.exp * 1000);
    return result;
  } catch (error) {
    return failure(codeOf(error));
  }
}

function codeOf(error: unknown): AuthFailure["code"] {
  if (error instanceof HeaderRejected) return error.code;
  if (error instanceof errors.JWTExpired) return "token_expired";
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === "nbf" ? "token_not_yet_valid" : "token_claim_invalid";
  if (error instanceof errors.JOSEAlgNotAllowed) return "token_alg_not_allowed";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "token_signature_invalid";
  if (error instanceof errors.JOSEError) return "token_malformed";
  throw error;
}

/** The Bearer token of `authorization`, verified for `audience`: the check of a header-borne access token. */
export function verifyBearer(authorization: string | null, audience: Audience, now?: Date): MaybePromise<VerifiedAccess | AuthFailure> {
  const bearer = bearerToken(authorization);
  return bearer.ok ? verifyAccessToken(bearer.token, audience, now) : bearer;
}

/** The token in an `Authorization: Bearer …` header value, or a failure saying why there is none. */
export function bearerToken(authorization: string | null): { ok: true; token: string } | AuthFailure {
  if (!authorization) return failure("token_missing");
  const match = /^Bearer +([A-Za-z0-9_.~+/-]+=*) *$/i.exec(authorization);
  return match ? { ok: true, token: match[1] } : failure("token_malformed");
}
