import "server-only";
import { createHmac, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { exportJWK } from "jose";
import { signingKey } from "./keys";

/**
 * The forged-credentials lab: what an attacker (or a stale, misdirected token) would present.
 * Forgeries without our key are made the way an attacker would make them; the claim-check cases
 * (expired, not yet valid, wrong iss/aud/typ) are signed with the real key, as a once-legitimate
 * token would be, so that the claim checks — not the signature — are what refuses them. Every one
 * is invalid by construction.
 */
export const TOKEN_FORGERIES = [
  "sub_edited",
  "alg_none",
  "hs256_with_public_key",
  "expired",
  "not_yet_valid",
  "wrong_iss",
  "wrong_aud",
  "wrong_typ",
  "unknown_kid",
  "jku_header",
  "x5u_header",
  "embedded_jwk",
] as const;
export type TokenForgery = (typeof TOKEN_FORGERIES)[number];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const parse = (seg: string) => JSON.parse(Buffer.from(seg, "base64url").toString()) as Record<string, unknown>;

/** Builds one forgery of `token` (a real token of the visitor's). */
export async function forgeToken(token: string, kind: TokenForgery): Promise<string> {
  const [h, p, s] = token.split(".");
  const header = parse(h);
  const payload = parse(p);
  const now = Math.floor(Date.now() / 1000);
  const { privateKey, publicJwk } = await signingKey();
  const withOurKey = (hdr: object, pl: object) => {
    const input = `${b64(hdr)}.${b64(pl)}`;
    return `${input}.${sign(null, Buffer.from(input), privateKey as unknown as import("node:crypto").KeyObject).toString("base64url")}`;
  };
  const attacker = generateKeyPairSync("ed25519");
  const withAttackerKey = (hdr: object) => {
    const input = `${b64(hdr)}.${b64({ ...payload, sub: "user_admin" })}`;
    return `${input}.${sign(null, Buffer.from(input), attacker.privateKey).toString("base64url")}`;
  };
  switch (kind) {
    case "sub_edited":
      return `${h}.${b64({ ...payload, sub: "user_admin", preferred_username: "admin" })}.${s}`;
    case "alg_none":
      return `${b64({ alg: "none", typ: header.typ })}.${b64({ ...payload, sub: "user_admin" })}.`;
    case "hs256_with_public_key": {
      const input = `${b64({ ...header, alg: "HS256" })}.${b64({ ...payload, sub: "user_admin" })}`;
      return `${input}.${createHmac("sha256", JSON.stringify(publicJwk)).update(input).digest("base64url")}`;
    }
    case "expired":
      return withOurKey(header, { ...payload, iat: now - 3600, nbf: now - 3600, exp: now - 60 });
    case "not_yet_valid":
      return withOurKey(header, { ...payload, iat: now + 3600, nbf: now + 3600, exp: now + 7200 });
    case "wrong_iss":
      return withOurKey(header, { ...payload, iss: "https://evil.example" });
    case "wrong_aud":
      return withOurKey(header, { ...payload, aud: "login-lab:admin" });
    case "wrong_typ":
      return withOurKey({ ...header, typ: "JWT" }, payload);
    case "unknown_kid":
      return withAttackerKey({ ...header, kid: randomBytes(8).toString("hex") });
    case "jku_header":
      return withAttackerKey({ ...header, jku: "https://evil.example/.well-known/jwks.json" });
    case "x5u_header":
      return withAttackerKey({ ...header, x5u: "https://evil.example/cert.pem" });
    case "embedded_jwk":
      return withAttackerKey({ ...header, jwk: await exportJWK(attacker.publicKey) });
  }
}
