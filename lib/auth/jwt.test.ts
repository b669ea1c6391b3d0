import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "../db";
import { outcome } from "../testing/outcome";
import * as Jwt from "./jwt";

const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
const meta = { userAgent: "unit-test", ip: "127.0.0.1" };

describe("JWT mode and its deny-list", () => {
  test("an ordinary token cannot be revoked: logout changes nothing, the copy keeps working", async () => {
    const { accessToken } = await Jwt.login(alice, meta);
    const result = await Jwt.logout({ authorization: `Bearer ${accessToken}` });
    assert.equal(result.revoked, false);
    assert.equal(outcome(await Jwt.authenticate({ authorization: `Bearer ${accessToken}` })), "ok");
  });

  test("a revocable token is refused right after logout, and costs a store lookup on every request", async () => {
    const { accessToken, claims } = await Jwt.login(alice, meta, { revocable: true });
    assert.equal(claims.revocable, true);
    assert.equal(outcome(await Jwt.authenticate({ authorization: `Bearer ${accessToken}` })), "ok");
    assert.deepEqual(await Jwt.logout({ authorization: `Bearer ${accessToken}` }), { ok: true, revoked: true, message: "The token's jti is on the deny-list: it is refused from now on." });
    assert.equal(outcome(await Jwt.authenticate({ authorization: `Bearer ${accessToken}` })), "token_revoked");
    const row = await db().deniedToken.findUniqueOrThrow({ where: { jti: claims.jti } });
    assert.equal(row.expiresAt.getTime(), claims.exp * 1000);
  });

  test("two logouts of one revocable token at once: both answered, one deny-list entry", async () => {
    const { accessToken, claims } = await Jwt.login(alice, meta, { revocable: true });
    await Jwt.authenticate({ authorization: `Bearer ${accessToken}` }); // verified once: the logouts below race from the same instant
    const results = await Promise.all(Array.from({ length: 5 }, () => Jwt.logout({ authorization: `Bearer ${accessToken}` })));
    // Each one either listed it or found it already listed; none throws (the route would answer 500).
    assert.ok(results.some((r) => r.revoked));
    assert.ok(results.every((r) => r.revoked || /deny-list/.test(r.message)));
    assert.equal(await db().deniedToken.count({ where: { jti: claims.jti } }), 1);
  });

  test("the cookie transport: the same token, checked the same way, refused in the cookie's own codes", async () => {
    const { accessToken, claims } = await Jwt.login(alice, meta, { revocable: true });
    const viaCookie = await Jwt.authenticate({ cookie: accessToken });
    assert.ok(viaCookie.ok && viaCookie.source === "cookie" && viaCookie.user.id === alice.id);
    const viaHeader = await Jwt.authenticate({ authorization: `Bearer ${accessToken}` });
    assert.ok(viaHeader.ok && viaHeader.source === "bearer");
    assert.equal(outcome(await Jwt.authenticate({})), "token_missing");
    assert.equal(outcome(await Jwt.authenticate({ cookie: `${accessToken}x` })), "jwt_cookie_invalid");
    assert.equal(outcome(await Jwt.authenticate({ cookie: accessToken }, { now: new Date(claims.exp * 1000 + 1000) })), "jwt_cookie_expired");
    // The cookie's message keeps the token check's own code.
    const bad = await Jwt.authenticate({ cookie: "a.b.c" });
    assert.ok(!bad.ok && bad.message.endsWith("(token_malformed)"));
    // Logging out by the cookie deny-lists a revocable token, in the cookie's code and the header's alike.
    assert.equal((await Jwt.logout({ cookie: accessToken })).revoked, true);
    assert.equal(outcome(await Jwt.authenticate({ cookie: accessToken })), "jwt_cookie_revoked");
    assert.equal(outcome(await Jwt.authenticate({ authorization: `Bearer ${accessToken}` })), "token_revoked");
  });

  test("a request with an Authorization header is judged by the header alone", async () => {
    const { accessToken } = await Jwt.login(alice, meta);
    assert.equal(outcome(await Jwt.authenticate({ authorization: "Bearer not.a.token", cookie: accessToken })), "token_malformed");
    const both = await Jwt.authenticate({ authorization: `Bearer ${accessToken}`, cookie: "garbage" });
    assert.ok(both.ok && both.source === "bearer");
  });
});
