import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "../db";
import { outcome } from "../testing/outcome";
import { createHybridLogin, readHybrid, refreshHybrid, revokeHybrid, withinGrace } from "./hybrid";
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

  test("reuse of a rotated token after the grace window revokes the whole family, including the newest token", async () => {
    const t0 = new Date();
    const login = await createHybridLogin(bob, meta, t0);
    const second = await refreshHybrid(login.refreshToken, meta, t0);
    assert.ok(second.ok);
    const later = new Date(t0.getTime() + 11_000);
    assert.equal(outcome(await refreshHybrid(login.refreshToken, meta, later)), "refresh_reused");
    assert.equal(outcome(await refreshHybrid(second.refreshToken, meta, later)), "refresh_revoked");
    const rows = await db().refreshToken.findMany({ where: { familyId: login.familyId } });
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.revokedAt && r.revokedReason === "reuse_detected"));
  });

  test("within the grace window a second use of the same parent gets a sibling, not a logout", async () => {
    const t0 = new Date();
    const login = await createHybridLogin(bob, meta, t0);
    const first = await refreshHybrid(login.refreshToken, meta, t0);
    const second = await refreshHybrid(login.refreshToken, meta, new Date(t0.getTime() + 10_000));
    assert.ok(first.ok && second.ok);
    assert.notEqual(first.refreshToken, second.refreshToken);
    const siblings = await db().refreshToken.findMany({ where: { parentId: hashToken(login.refreshToken) } });
    assert.equal(siblings.length, 2);
    assert.equal(await db().refreshToken.count({ where: { familyId: login.familyId, revokedAt: { not: null } } }), 0);
  });

  test("withinGrace: inclusive at the limit, never for an unused token", () => {
    const used = new Date("2026-11-27T12:00:00Z");
    assert.equal(withinGrace(used, new Date(used.getTime() + 10_000), 10), true);
    assert.equal(withinGrace(used, new Date(used.getTime() + 10_001), 10), false);
    assert.equal(withinGrace(null, used, 10), false);
    assert.equal(withinGrace(used, new Date(used.getTime() + 1), 0), false);
  });

  test("a burst of 20 parallel refreshes of one token: all answered, one live family, nothing revoked", async () => {
    const login = await createHybridLogin(bob, meta);
    const results = await Promise.all(Array.from({ length: 20 }, () => refreshHybrid(login.refreshToken, meta)));
    assert.deepEqual([...new Set(results.map(outcome))], ["ok"]);
    const families = await db().refreshToken.groupBy({ by: ["familyId"], where: { userId: "user_bob", familyId: login.familyId, revokedAt: null } });
    assert.equal(families.length, 1);
    assert.equal(await db().refreshToken.count({ where: { familyId: login.familyId, revokedAt: { not: null } } }), 0);
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
