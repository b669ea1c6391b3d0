import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, test } from "node:test";
import { db } from "../db";
import { inStore } from "./throttle";

const postgres = !process.env.DATABASE_URL?.startsWith("file:");
const MINUTE = 60_000;
/** Keys of this run only: the table outlives a test process (that is the point). */
const run = randomUUID().slice(0, 8);
const skip = !postgres && "SQLite is one instance: its throttle is the in-memory FailureLimiter (rate-limit.test.ts)";

describe("login throttle in PostgreSQL", () => {
  test("shared: slots taken on two instances add up, and the block is seen by both", { skip }, async () => {
    // Two instances = two throttles over the same table (nothing in their memory).
    const a = inStore("account", () => 3, () => MINUTE);
    const b = inStore("account", () => 3, () => MINUTE);
    const t = Date.now();
    assert.deepEqual([await a.reserve(`shared-${run}`, t), await b.reserve(`shared-${run}`, t), await a.reserve(`shared-${run}`, t)], [0, 0, 0]);
    assert.equal(await b.reserve(`shared-${run}`, t + 1000), 59, "B refuses the 4th guess taken nowhere on B");
    assert.equal(await a.reserve(`shared-${run}`, t + 2000), 58);
    await b.release(`shared-${run}`);
    assert.equal(await a.reserve(`shared-${run}`, t + 2000), 0, "a slot given back on B can be taken on A");
    assert.equal(await b.reserve(`shared-${run}`, t + MINUTE + 1), 0, "a new window after the old one ends");
  });

  test("survives a restart: a new throttle object (a new process) sees the old window", { skip }, async () => {
    const before = inStore("client", () => 2, () => MINUTE);
    const t = Date.now();
    await before.reserve(`10.0.0.9-${run}`, t);
    await before.reserve(`10.0.0.9-${run}`, t);
    const afterRestart = inStore("client", () => 2, () => MINUTE);
    assert.ok((await afterRestart.reserve(`10.0.0.9-${run}`, t + 10)) > 0);
    await afterRestart.reset(`10.0.0.9-${run}`);
    assert.equal(await afterRestart.reserve(`10.0.0.9-${run}`, t + 20), 0, "reset forgets the key");
  });

  test("parallel guesses from many instances take exactly max slots", { skip }, async () => {
    const instances = Array.from({ length: 4 }, () => inStore("account", () => 5, () => MINUTE));
    const t = Date.now();
    const waits = await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 4].reserve(`parallel-${run}`, t)));
    assert.equal(waits.filter((w) => w === 0).length, 5);
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: `account:parallel-${run}` } });
    assert.equal(row.count, 6, "max + 1 marks the block: refused guesses took no slot");
  });

  test("a slot given back at 0 deletes its row: a blocked client's fresh usernames leave none behind", { skip }, async () => {
    const account = inStore("account", () => 5, () => MINUTE);
    const t = Date.now();
    for (let i = 0; i < 50; i++) {
      assert.equal(await account.reserve(`fresh-${run}-${i}`, t), 0);
      await account.release(`fresh-${run}-${i}`);
    }
    assert.equal(await db().loginThrottle.count({ where: { key: { startsWith: `account:fresh-${run}-` } } }), 0);
    // A key with failures left keeps its row.
    await account.reserve(`kept-${run}`, t);
    await account.reserve(`kept-${run}`, t);
    await account.release(`kept-${run}`);
    assert.equal((await db().loginThrottle.findUniqueOrThrow({ where: { key: `account:kept-${run}` } })).count, 1);
  });

  test("scopes do not mix: an account key and a client key with the same text are two windows", { skip }, async () => {
    const account = inStore("account", () => 1, () => MINUTE);
    const client = inStore("client", () => 1, () => MINUTE);
    const t = Date.now();
    assert.equal(await account.reserve(`same-${run}`, t), 0);
    assert.equal(await client.reserve(`same-${run}`, t), 0);
  });
});
