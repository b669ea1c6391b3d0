import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "../db";
import { outcome } from "../testing/outcome";
import { createHybridLogin, readHybrid, refreshHybrid, revokeHybrid } from "./hybrid";
import { hashToken } from "./tokens";

const bob = { id: "user_bob", username: "bob", displayName: "Bob" };
const meta = { userAgent: "unit-test", ip: "127.0.0.1" };

describe("hybrid mode", () => {
  test("login stores the refresh token hashed and issues a hybrid-audience access token", async () => {
    const login = await createHybridLogin(bob, meta);
    const row = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(login.refreshToken) } });
    assert.equal(row.familyId, login.familyId);
    assert.equal(row.parentId, null);
    const read = await readHybrid(`Bearer ${login.accessToken}`);
    assert.ok(read.ok);
    assert.equal(read.claims.sid, login.familyId);
    assert.equal(read.claims.aud, "login-lab:hybrid");
  });

  test("refresh rotates: a new token, a child row in the same family, the parent marked used", async () => {
    const login = await createHybridLogin(bob, meta);
    const next = await refreshHybrid(login.refreshToken, meta);
    assert.ok(next.ok);
    assert.notEqual(next.refreshToken, login.refreshToken);
    const parent = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(login.refreshToken) } });
    const child = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(next.refreshToken) } });
    assert.ok(parent.usedAt);
    assert.equal(child.parentId, parent.id);
    assert.equal(child.familyId, login.familyId);
    assert.equal(outcome(await readHybrid(`Bearer ${next.accessToken}`)), "ok");
  });

  test("reuse of a rotated token revokes the whole family, including the newest token", async () => {
    const login = await createHybridLogin(bob, meta);
    const second = await refreshHybrid(login.refreshToken, meta);
    assert.ok(second.ok);
    assert.equal(outcome(await refreshHybrid(login.refreshToken, meta)), "refresh_reused");
    assert.equal(outcome(await refreshHybrid(second.refreshToken, meta)), "refresh_revoked");
    const rows = await db().refreshToken.findMany({ where: { familyId: login.familyId } });
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.revokedAt && r.revokedReason === "reuse_detected"));
  });

  test("two rotations of one token at the same moment: one wins, the other counts as reuse", async () => {
    const login = await createHybridLogin(bob, meta);
    const results = await Promise.all([refreshHybrid(login.refreshToken, meta), refreshHybrid(login.refreshToken, meta)]);
    assert.deepEqual(results.map(outcome).sort(), ["ok", "refresh_reused"]);
    const live = await db().refreshToken.count({ where: { familyId: login.familyId, revokedAt: null } });
    assert.equal(live, 0, "the race itself is treated as theft: the family is revoked");
  });

  test("logout revokes the family; expired and unknown tokens are refused", async () => {
    const login = await createHybridLogin(bob, meta);
    assert.deepEqual(await revokeHybrid(login.refreshToken), { revoked: true });
    assert.equal(outcome(await refreshHybrid(login.refreshToken, meta)), "refresh_revoked");

    const t0 = new Date();
    const old = await createHybridLogin(bob, meta, t0);
    const late = new Date(t0.getTime() + 8 * 24 * 3600 * 1000);
    assert.equal(outcome(await refreshHybrid(old.refreshToken, meta, late)), "refresh_expired");
    assert.equal(outcome(await refreshHybrid("unknown-token", meta)), "refresh_invalid");
    assert.equal(outcome(await refreshHybrid(undefined, meta)), "refresh_missing");
    assert.equal(outcome(await refreshHybrid("x".repeat(5000), meta)), "refresh_invalid");
  });

  test("the access token lives out its exp after logout: it is verified without a lookup", async () => {
    const login = await createHybridLogin(bob, meta);
    await revokeHybrid(login.refreshToken);
    assert.equal(outcome(await readHybrid(`Bearer ${login.accessToken}`)), "ok");
  });
});
