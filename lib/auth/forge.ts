import "server-only";
import { createHmac, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { exportJWK } from "jose";
import type { TokenForgery } from "./forge-kinds";
import { signingKey } from "./keys";

/**
 * The forged-credentials lab: what an attacker (or a stale, misdirected token) would present.
 *
 * THE RULE. No forgery made here is ever a credential that this app, or any verifier trusting
 * /.well-known/jwks.json, accepts — at any clock time:
 * - A forgery starts from the caller's own token, already verified (the route checks it), and a
 *   forgery signed with our real key keeps that token's `sub`: it names nobody else.
 * - Every forgery, whoever signed it, is dead at every instant: its `nbf` equals its `exp`, and a
 *   token is valid only while nbf ≤ now < exp. A verifier that checks times refuses it for that
 *   even when it skips everything else.
 * - The real-key claim forgeries (wrong iss, aud, typ) also name an issuer, audience or type that
 *   none of our verifiers accepts, so those refuse it for the claim first — which is the lesson.
 * - Forgeries without our key (an edited payload, alg none, HS256 keyed with the public key, an
 *   attacker's own key) are what anyone can make without us; they carry the same dead times.
 * Tested in forge.test.ts for every kind at now, now − 1 h, now + 1 h and now + 2 h.
 */
export { TOKEN_FORGERIES, type TokenForgery } from "./forge-kinds";

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const parse = (seg: string) => JSON.parse(Buffer.from(seg, "base64url").toString()) as Record<string, unknown>;

/** Valid from `at` until `at`: an empty window, so never valid. */
const deadAt = (at: number) => ({ nbf: at, exp: at });

/** Builds one forgery of `token`, a token of the caller's that the route has verified. */
export async function forgeToken(token: string, kind: TokenForgery, now = new Date()): Promise<string> {
  const [h, p, s] = token.split(".");
  const header = parse(h);
  const t = Math.floor(now.getTime() / 1000);
  const payload = { ...parse(p), ...deadAt(t) };
  const { privateKey, publicJwk } = await signingKey();
  const withOurKey = (hdr: object, pl: object) => {
    const input = `${b64(hdr)}.${b64(pl)}`;
    return `${input}.${sign(null, Buffer.from(input), privateKey as unknown as import("node:crypto").KeyObject).toString("base64url")}`;
  };
  const attacker = generateKeyPairSync("ed25519");
  const asAdmin = { ...payload, sub: "user_admin", preferred_username: "admin" };
  const withAttackerKey = (hdr: object) => {
    const input = `${b64(hdr)}.${b64(asAdmin)}`;
    return `${input}.${sign(null, Buffer.from(input), attacker.privateKey).toString("base64url")}`;
  };
  switch (kind) {
    case "sub_edited":
      return `${h}.${b64(asAdmin)}.${s}`;
    case "alg_none":
      return `${b64({ alg: "none", typ: header.typ })}.${b64(asAdmin)}.`;
    case "hs256_with_public_key": {
      const input = `${b64({ ...header, alg: "HS256" })}.${b64(asAdmin)}`;
      return `${input}.${createHmac("sha256", JSON.stringify(publicJwk)).update(input).digest("base64url")}`;
    }
    case "expired":
      return withOurKey(header, { ...payload, iat: t - 3600, ...deadAt(t - 60) });
    case "not_yet_valid":
      return withOurKey(header, { ...payload, iat: t + 3600, ...deadAt(t + 3600) });
    case "wrong_iss":
      return withOurKey(header, { ...payload, iss: "https://evil.example" });
    case "wrong_aud":
      return withOurKey(header, { ...payload, aud: "https://evil.example/api" });
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
