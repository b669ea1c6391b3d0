import assert from "node:assert/strict";
import { createHmac, createPrivateKey, createSecretKey, sign } from "node:crypto";
import { describe, test } from "node:test";
import { outcome } from "../testing/outcome";
import { bearerToken, signAccessToken, verifyAccessToken } from "./access-token";
import { publicJwks } from "./keys";

const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
const t0 = new Date("2026-11-27T12:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const parts = (token: string) => token.split(".").map((p, i) => (i < 2 ? JSON.parse(Buffer.from(p, "base64url").toString()) : p));

/** Re-signs a token with the real private key after editing its header or payload. */
function resign(token: string, edit: { header?: object; payload?: object }) {
  const [h, p] = parts(token);
  const input = `${b64({ ...h, ...edit.header })}.${b64({ ...p, ...edit.payload })}`;
  const key = createPrivateKey({ key: JSON.parse(process.env.JWT_PRIVATE_KEY as string), format: "jwk" });
  return `${input}.${sign(null, Buffer.from(input), key).toString("base64url")}`;
}

describe("access tokens", () => {
  test("sign then verify returns the user and the claims", async () => {
    const { token, claims } = await signAccessToken(alice, "login-lab:jwt", 600, {}, t0);
    const [header] = parts(token);
    assert.equal(header.alg, "EdDSA");
    assert.equal(header.typ, "at+jwt");
    assert.equal(header.kid, (await publicJwks()).keys[0].kid);
    assert.deepEqual(Object.keys(claims).sort(), ["aud", "exp", "iat", "iss", "jti", "name", "nbf", "preferred_username", "sub"]);
    const result = await verifyAccessToken(token, "login-lab:jwt", at(599));
    assert.ok(result.ok);
    assert.deepEqual(result.user, alice);
    assert.equal(result.claims.exp, Math.floor(t0.getTime() / 1000) + 600);
  });

  test("expired: refused at exp (frozen clock), accepted one second before", async () => {
    const { token } = await signAccessToken(alice, "login-lab:jwt", 60, {}, t0);
    assert.equal((await verifyAccessToken(token, "login-lab:jwt", at(59))).ok, true);
    const late = await verifyAccessToken(token, "login-lab:jwt", at(60));
    assert.equal(outcome(late), "token_expired");
  });

  test("not yet valid: a token from the future is refused", async () => {
    const { token } = await signAccessToken(alice, "login-lab:jwt", 60, {}, at(300));
    const early = await verifyAccessToken(token, "login-lab:jwt", t0);
    assert.equal(outcome(early), "token_not_yet_valid");
  });

  test("tampered payload: one changed claim breaks the signature", async () => {
    const { token } = await signAccessToken(alice, "login-lab:jwt", 60, {}, t0);
    const [h, , s] = token.split(".");
    const forged = `${h}.${b64({ ...parts(token)[1], sub: "user_bob" })}.${s}`;
    const result = await verifyAccessToken(forged, "login-lab:jwt", t0);
    assert.equal(outcome(result), "token_signature_invalid");
  });

  test("wrong algorithms: alg none and HS256 keyed with the public key are refused", async () => {
    const { token } = await signAccessToken(alice, "login-lab:jwt", 60, {}, t0);
    const [, p] = token.split(".");
    const none = `${b64({ alg: "none", typ: "at+jwt" })}.${p}.`;
    const noneResult = await verifyAccessToken(none, "login-lab:jwt", t0);
    assert.equal(outcome(noneResult), "token_alg_not_allowed");

    // Algorithm confusion: HMAC "signed" with the public key as the shared secret.
    const pub = (await publicJwks()).keys[0];
    const input = `${b64({ alg: "HS256", typ: "at+jwt", kid: pub.kid })}.${p}`;
    const mac = createHmac("sha256", createSecretKey(Buffer.from(JSON.stringify(pub)))).update(input).digest("base64url");
    const confused = await verifyAccessToken(`${input}.${mac}`, "login-lab:jwt", t0);
    assert.equal(outcome(confused), "token_alg_not_allowed");
  });

  test("wrong audience, issuer or typ is refused as a claim error", async () => {
    const { token } = await signAccessToken(alice, "login-lab:hybrid", 60, {}, t0);
    const wrongAud = await verifyAccessToken(token, "login-lab:jwt", t0);
    assert.equal(outcome(wrongAud), "token_claim_invalid");
    for (const edit of [{ payload: { iss: "someone-else" } }, { header: { typ: "JWT" } }, { payload: { jti: undefined } }]) {
      const result = await verifyAccessToken(resign(token, edit), "login-lab:hybrid", t0);
      assert.equal(outcome(result), "token_claim_invalid", JSON.stringify(edit));
    }
  });

  test("unknown kid and key-source headers (jku, x5u, jwk) are refused", async () => {
    const { token } = await signAccessToken(alice, "login-lab:jwt", 60, {}, t0);
    const unknown = await verifyAccessToken(resign(token, { header: { kid: "not-ours" } }), "login-lab:jwt", t0);
    assert.equal(outcome(unknown), "token_unknown_kid");
    for (const header of [{ jku: "https://evil.example/jwks" }, { x5u: "https://evil.example/cert" }, { jwk: { kty: "OKP" } }]) {
      const result = await verifyAccessToken(resign(token, { header }), "login-lab:jwt", t0);
      assert.equal(outcome(result), "token_header_forbidden");
    }
  });

  test("a non-canonical spelling of a valid signature is refused", async () => {
    const { token } = await signAccessToken(alice, "login-lab:jwt", 60, {}, t0);
    const last = token.at(-1) as string;
    // Ed25519 signatures are 64 bytes: the last base64url character carries 4 spare bits.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = alphabet[alphabet.indexOf(last) ^ 1];
    const result = await verifyAccessToken(token.slice(0, -1) + twin, "login-lab:jwt", t0);
    assert.equal(outcome(result), "token_malformed");
  });

  test("garbage is malformed, never a throw", async () => {
    for (const garbage of ["", "a.b.c", "eyJ.eyJ.", "x".repeat(5000), "ä.ö.ü"]) {
      const result = await verifyAccessToken(garbage, "login-lab:jwt", t0);
      assert.equal(result.ok, false, garbage);
    }
  });

  test("Authorization header parsing", () => {
    const missing = bearerToken(null);
    assert.equal(outcome(missing), "token_missing");
    const basic = bearerToken("Basic YWxpY2U6eA==");
    assert.equal(outcome(basic), "token_malformed");
    const ok = bearerToken("Bearer abc.def.ghi");
    assert.ok(ok.ok);
    assert.equal(ok.token, "abc.def.ghi");
  });
});
