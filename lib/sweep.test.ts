import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as Hybrid from "./auth/hybrid";
import * as Session from "./auth/session";
import { db } from "./db";
import { sweep } from "./sweep";

const bob = { id: "user_bob", username: "bob", displayName: "Bob" };
const meta = { userAgent: "sweep-test", ip: "127.0.0.1" };
const DAY = 24 * 3600_000;

describe("background sweep", () => {
  test("deletes what expired over an hour ago, in batches, and keeps everything still live", async () => {
    const old = new Date(Date.now() - 40 * DAY);
    // The live one first: a login of the same user would also purge that user's long-dead sessions.
    const live = await Session.login(bob, meta);
    const dead = await Promise.all(Array.from({ length: 3 }, () => Session.login(bob, meta, { now: old })));
    const deadFamily = await Hybrid.login(bob, meta, { now: old });
    const liveFamily = await Hybrid.login(bob, meta);
    await db().deniedToken.createMany({
      data: Array.from({ length: 1200 }, (_, i) => ({ jti: `sweep-${i}`, userId: bob.id, expiresAt: new Date(Date.now() - 1000) })),
    });
    await db().deniedToken.create({ data: { jti: "sweep-live", userId: bob.id, expiresAt: new Date(Date.now() + DAY) } });

    const removed = await sweep();
    assert.ok(removed.sessions >= 3 && removed.refreshTokens >= 1);
    assert.ok(removed.deniedTokens >= 1200, "more than one batch");
    assert.equal(await db().deniedToken.count({ where: { jti: { startsWith: "sweep-" } } }), 1, "only the live entry left");
    assert.equal(await db().session.count({ where: { id: { in: dead.map((d) => d.session.id) } } }), 0);
    assert.equal(await db().session.count({ where: { id: live.session.id } }), 1);
    assert.equal(await db().refreshToken.count({ where: { familyId: deadFamily.familyId } }), 0);
    assert.equal(await db().refreshToken.count({ where: { familyId: liveFamily.familyId } }), 1);
    assert.equal(await db().deniedToken.count({ where: { jti: "sweep-live" } }), 1);
    assert.deepEqual(Object.values(await sweep()).filter((n) => n > 0), [], "nothing left to do");
  });
});
