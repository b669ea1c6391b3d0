import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "../db";
import { outcome } from "../testing/outcome";
import * as Hybrid from "./hybrid";
import { childToken, KEEP_USED, withinGrace } from "./hybrid";
import { listFamilies } from "./hybrid-devices";
import { hashToken } from "./tokens";

const bob = { id: "user_bob", username: "bob", displayName: "Bob" };
const meta = { userAgent: "unit-test", ip: "127.0.0.1" };

describe("hybrid mode", () => {
  test("login stores the refresh token hashed and issues a hybrid-audience access token", async () => {
    const login = await Hybrid.login(bob, meta);
    const row = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(login.refreshToken) } });
    assert.equal(row.familyId, login.familyId);
    assert.equal(row.parentId, null);
    const read = await Hybrid.authenticate(`Bearer ${login.accessToken}`);
    assert.ok(read.ok);
    assert.equal(read.claims.sid, login.familyId);
    assert.equal(read.claims.aud, "login-lab:hybrid");
  });

  test("refresh rotates: a new token, a child row in the same family, the parent marked used", async () => {
    const login = await Hybrid.login(bob, meta);
    const next = await Hybrid.refresh(login.refreshToken, meta);
    assert.ok(next.ok);
    assert.notEqual(next.refreshToken, login.refreshToken);
    const parent = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(login.refreshToken) } });
    const child = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(next.refreshToken) } });
    assert.ok(parent.usedAt);
    assert.equal(child.parentId, parent.id);
    assert.equal(child.familyId, login.familyId);
    assert.equal(outcome(await Hybrid.authenticate(`Bearer ${next.accessToken}`)), "ok");
  });

  test("reuse of a rotated token after the grace window revokes the whole family, including the newest token", async () => {
    const t0 = new Date();
    const login = await Hybrid.login(bob, meta, { now: t0 });
    const second = await Hybrid.refresh(login.refreshToken, meta, { now: t0 });
    assert.ok(second.ok);
    const later = new Date(t0.getTime() + 11_000);
    assert.equal(outcome(await Hybrid.refresh(login.refreshToken, meta, { now: later })), "refresh_reused");
    assert.equal(outcome(await Hybrid.refresh(second.refreshToken, meta, { now: later })), "refresh_revoked");
    const rows = await db().refreshToken.findMany({ where: { familyId: login.familyId } });
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.revokedAt && r.revokedReason === "reuse_detected"));
  });

  test("a retry of the latest parent within the grace window gets the same child, never a second branch", async () => {
    const t0 = new Date();
    const login = await Hybrid.login(bob, meta, { now: t0 });
    const first = await Hybrid.refresh(login.refreshToken, meta, { now: t0 });
    const retry = await Hybrid.refresh(login.refreshToken, meta, { now: new Date(t0.getTime() + 10_000) });
    assert.ok(first.ok && retry.ok);
    assert.equal(retry.refreshToken, first.refreshToken);
    assert.equal(retry.refreshToken, childToken(login.refreshToken));
    assert.notEqual(retry.accessToken, first.accessToken);
    assert.equal(await db().refreshToken.count({ where: { parentId: hashToken(login.refreshToken) } }), 1);
    assert.equal(await db().refreshToken.count({ where: { familyId: login.familyId, revokedAt: { not: null } } }), 0);
  });

  test("a stolen token replayed in the window leaves no second live branch: thief and victim share one, and the next reuse is caught", async () => {
    const t0 = new Date();
    const login = await Hybrid.login(bob, meta, { now: t0 });
    const victim = await Hybrid.refresh(login.refreshToken, meta, { now: t0 });
    const thief = await Hybrid.refresh(login.refreshToken, { userAgent: "thief", ip: "198.51.100.9" }, { now: new Date(t0.getTime() + 2_000) });
    assert.ok(victim.ok && thief.ok);
    assert.equal(thief.refreshToken, victim.refreshToken);
    // The victim moves on; the thief's copy is now an older token, and presenting it ends the family.
    const victimNext = await Hybrid.refresh(victim.refreshToken, meta, { now: new Date(t0.getTime() + 60_000) });
    assert.ok(victimNext.ok);
    assert.equal(outcome(await Hybrid.refresh(thief.refreshToken, meta, { now: new Date(t0.getTime() + 120_000) })), "refresh_reused");
    assert.equal(outcome(await Hybrid.refresh(victimNext.refreshToken, meta, { now: new Date(t0.getTime() + 121_000) })), "refresh_revoked");
  });

  test("an older generation presented inside its own grace window still revokes the family", async () => {
    const t0 = new Date();
    const login = await Hybrid.login(bob, meta, { now: t0 });
    const second = await Hybrid.refresh(login.refreshToken, meta, { now: t0 });
    assert.ok(second.ok);
    const third = await Hybrid.refresh(second.refreshToken, meta, { now: new Date(t0.getTime() + 1_000) });
    assert.ok(third.ok);
    // The first token was used 2 s ago (inside 10 s), but its child is no longer the live one.
    assert.equal(outcome(await Hybrid.refresh(login.refreshToken, meta, { now: new Date(t0.getTime() + 2_000) })), "refresh_reused");
    assert.equal(outcome(await Hybrid.refresh(third.refreshToken, meta, { now: new Date(t0.getTime() + 3_000) })), "refresh_revoked");
  });

  test("a lost response followed by a retry: the retry gets the same token and the family lives on", async () => {
    const t0 = new Date();
    const login = await Hybrid.login(bob, meta, { now: t0 });
    await Hybrid.refresh(login.refreshToken, meta, { now: t0 }); // the answer never reached the browser
    const retry = await Hybrid.refresh(login.refreshToken, meta, { now: new Date(t0.getTime() + 3_000) });
    assert.ok(retry.ok);
    const next = await Hybrid.refresh(retry.refreshToken, meta, { now: new Date(t0.getTime() + 300_000) });
    assert.equal(outcome(next), "ok");
  });

  test("a family ends at REFRESH_FAMILY_MAX_SECONDS after its login, however often it rotates", async () => {
    const max = 30 * 24 * 3600 * 1000;
    const t0 = new Date();
    const login = await Hybrid.login(bob, meta, { now: t0 });
    let token = login.refreshToken;
    // One rotation every 6 days: each would extend a 7-day token, but never past the family's end.
    for (let day = 6; day < 30; day += 6) {
      const r = await Hybrid.refresh(token, meta, { now: new Date(t0.getTime() + day * 24 * 3600 * 1000) });
      assert.ok(r.ok, `day ${day}`);
      assert.ok(r.refreshMaxAgeSeconds * 1000 <= max - day * 24 * 3600 * 1000 + 1000);
      token = r.refreshToken;
    }
    const row = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(token) } });
    assert.equal(row.expiresAt.getTime(), t0.getTime() + max);
    assert.equal(outcome(await Hybrid.refresh(token, meta, { now: new Date(t0.getTime() + max) })), "refresh_expired");
  });

  test("rows stay bounded: 1,000 rotations leave at most KEEP_USED + 1 rows in the family", async () => {
    const t0 = new Date();
    const login = await Hybrid.login(bob, meta, { now: t0 });
    let token = login.refreshToken;
    for (let i = 1; i <= 1000; i++) {
      const r = await Hybrid.refresh(token, meta, { now: new Date(t0.getTime() + i * 1000) });
      assert.ok(r.ok);
      token = r.refreshToken;
    }
    assert.equal(await db().refreshToken.count({ where: { familyId: login.familyId } }), KEEP_USED + 1);
    const newest = await db().refreshToken.findUniqueOrThrow({ where: { id: hashToken(token) } });
    assert.equal(newest.generation, 1000);
    const [device] = (await listFamilies("user_bob", login.familyId)).filter((f) => f.familyId === login.familyId);
    assert.equal(device.rotations, 1000);
    assert.equal(device.createdAt.getTime(), t0.getTime());
  });

  test("withinGrace: inclusive at the limit, never for an unused token", () => {
    const used = new Date("2026-11-27T12:00:00Z");
    assert.equal(withinGrace(used, new Date(used.getTime() + 10_000), 10), true);
    assert.equal(withinGrace(used, new Date(used.getTime() + 10_001), 10), false);
    assert.equal(withinGrace(null, used, 10), false);
    assert.equal(withinGrace(used, new Date(used.getTime() + 1), 0), false);
  });

  test("a burst of 20 parallel refreshes of one token: all answered, one live family, nothing revoked", async () => {
    const login = await Hybrid.login(bob, meta);
    const results = await Promise.all(Array.from({ length: 20 }, () => Hybrid.refresh(login.refreshToken, meta)));
    assert.deepEqual([...new Set(results.map(outcome))], ["ok"]);
    const families = await db().refreshToken.groupBy({ by: ["familyId"], where: { userId: "user_bob", familyId: login.familyId, revokedAt: null } });
    assert.equal(families.length, 1);
    assert.equal(await db().refreshToken.count({ where: { familyId: login.familyId, revokedAt: { not: null } } }), 0);
  });

  test("logout revokes the family; expired and unknown tokens are refused", async () => {
    const login = await Hybrid.login(bob, meta);
    assert.equal((await Hybrid.logout(login.refreshToken)).revoked, true);
    assert.equal(outcome(await Hybrid.refresh(login.refreshToken, meta)), "refresh_revoked");

    const t0 = new Date();
    const old = await Hybrid.login(bob, meta, { now: t0 });
    const late = new Date(t0.getTime() + 8 * 24 * 3600 * 1000);
    assert.equal(outcome(await Hybrid.refresh(old.refreshToken, meta, { now: late })), "refresh_expired");
    assert.equal(outcome(await Hybrid.refresh("unknown-token", meta)), "refresh_invalid");
    assert.equal(outcome(await Hybrid.refresh(undefined, meta)), "refresh_missing");
    assert.equal(outcome(await Hybrid.refresh("x".repeat(5000), meta)), "refresh_invalid");
  });

  test("the access token lives out its exp after logout: it is verified without a lookup", async () => {
    const login = await Hybrid.login(bob, meta);
    await Hybrid.logout(login.refreshToken);
    assert.equal(outcome(await Hybrid.authenticate(`Bearer ${login.accessToken}`)), "ok");
  });
});
