import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeJwt, jwtVerify } from "jose";
import { HYBRID_AUDIENCE } from "./hybrid";
import * as Jwt from "./jwt";
import { JWT_AUDIENCE } from "./jwt";
import { forgeToken, TOKEN_FORGERIES } from "./forge";
import { verifyAccessToken } from "./access-token";
import { signingKey } from "./keys";

const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
const meta = { userAgent: "unit-test", ip: "127.0.0.1" };
const HOUR = 3600_000;

describe("forged-credentials lab: no forgery is ever a working credential", () => {
  test("every kind is refused at now, now − 1 h, now + 1 h and now + 2 h — by our verifiers and by a lax one", async () => {
    const now = new Date();
    const { accessToken } = await Jwt.login(alice, meta, { now });
    const { publicKey, publicJwk } = await signingKey();
    const confusedSecret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const clocks = [0, -HOUR, HOUR, 2 * HOUR].map((d) => new Date(now.getTime() + d));
    for (const kind of TOKEN_FORGERIES) {
      const forged = await forgeToken(accessToken, kind, now);
      for (const at of clocks) {
        for (const audience of [JWT_AUDIENCE, HYBRID_AUDIENCE] as const) {
          const result = await verifyAccessToken(forged, audience, at);
          assert.equal(result.ok, false, `${kind} accepted by ${audience} at ${at.toISOString()}`);
        }
        // A verifier that trusts our JWKS but checks no issuer, audience or type still refuses it.
        await assert.rejects(jwtVerify(forged, publicKey, { currentDate: at }), `${kind} accepted by a lax verifier at ${at.toISOString()}`);
        // Even one open to algorithm confusion (HS256 keyed with our public JWK) refuses it.
        if (kind === "hs256_with_public_key") await assert.rejects(jwtVerify(forged, confusedSecret, { currentDate: at }), `${kind} at ${at.toISOString()}`);
      }
      const claims = decodeJwt(forged);
      assert.ok(typeof claims.nbf === "number" && typeof claims.exp === "number" && claims.nbf >= claims.exp, `${kind}: nbf ≥ exp`);
    }
  });

  test("real-key forgeries keep the caller's sub; they name nobody else", async () => {
    const now = new Date();
    const { accessToken } = await Jwt.login(alice, meta, { now });
    for (const kind of ["expired", "not_yet_valid", "wrong_iss", "wrong_aud", "wrong_typ"] as const) {
      assert.equal(decodeJwt(await forgeToken(accessToken, kind, now)).sub, "user_alice", kind);
    }
  });

  test("each forgery is refused by the check it is about, at now", async () => {
    const { accessToken } = await Jwt.login(alice, meta);
    const expected: Record<(typeof TOKEN_FORGERIES)[number], string> = {
      sub_edited: "token_signature_invalid",
      alg_none: "token_alg_not_allowed",
      hs256_with_public_key: "token_alg_not_allowed",
      expired: "token_expired",
      not_yet_valid: "token_not_yet_valid",
      wrong_iss: "token_claim_invalid",
      wrong_aud: "token_claim_invalid",
      wrong_typ: "token_claim_invalid",
      unknown_kid: "token_unknown_kid",
      jku_header: "token_header_forbidden",
      x5u_header: "token_header_forbidden",
      embedded_jwk: "token_header_forbidden",
    };
    for (const kind of TOKEN_FORGERIES) {
      const result = await verifyAccessToken(await forgeToken(accessToken, kind), JWT_AUDIENCE);
      assert.equal(result.ok ? "ok" : result.code, expected[kind], kind);
    }
  });
});
