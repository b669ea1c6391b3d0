import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TEST_PASSWORD } from "../testing/setup";
import { outcome } from "../testing/outcome";
import { checkCredentials, loginInput } from "./credentials";

describe("password login", () => {
  test("the right password logs in; wrong password and unknown user get the same code and message", async () => {
    const ok = await checkCredentials({ username: "alice", password: TEST_PASSWORD }, "10.0.0.1");
    assert.ok(ok.ok);
    assert.deepEqual(ok.user, { id: "user_alice", username: "alice", displayName: "Alice" });
    assert.equal("passwordHash" in ok.user, false);
    const wrong = await checkCredentials({ username: "alice", password: "nope-nope" }, "10.0.0.2");
    const unknown = await checkCredentials({ username: "nobody", password: "nope-nope" }, "10.0.0.3");
    assert.ok(!wrong.ok && !unknown.ok);
    assert.deepEqual({ code: wrong.code, message: wrong.message }, { code: unknown.code, message: unknown.message });
    assert.equal(wrong.code, "invalid_credentials");
  });

  test("the fifth failure for an account blocks it with a retry time, whatever the password", async () => {
    for (let i = 0; i < 5; i++) assert.equal(outcome(await checkCredentials({ username: "bob", password: "guess" }, `10.1.0.${i}`)), "invalid_credentials");
    const blocked = await checkCredentials({ username: "BOB", password: TEST_PASSWORD }, "10.1.0.99");
    assert.equal(outcome(blocked), "rate_limited");
    assert.ok(!blocked.ok && blocked.retryAfterSeconds && blocked.retryAfterSeconds > 0 && blocked.retryAfterSeconds <= 900);
  });

  test("one client failing against many accounts is blocked too", async () => {
    for (let i = 0; i < 30; i++) await checkCredentials({ username: `user${i}`, password: "guess" }, "10.2.0.1");
    assert.equal(outcome(await checkCredentials({ username: "alice", password: TEST_PASSWORD }, "10.2.0.1")), "rate_limited");
    assert.equal(outcome(await checkCredentials({ username: "alice", password: TEST_PASSWORD }, "10.2.0.2")), "ok");
  });

  test("50 parallel wrong passwords for one account: at most 5 are checked (401), the rest refused (429)", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => checkCredentials({ username: "carol", password: `guess-${i}` }, `10.3.0.${i}`)));
    const codes = results.map(outcome);
    assert.equal(codes.filter((c) => c === "invalid_credentials").length, 5);
    assert.equal(codes.filter((c) => c === "rate_limited").length, 45);
  });

  test("a right password gives its client slot back: a client's successful logins never block it", async () => {
    for (let i = 0; i < 40; i++) assert.equal(outcome(await checkCredentials({ username: "alice", password: TEST_PASSWORD }, "10.4.0.1")), "ok");
  });

  test("input limits", () => {
    assert.equal(loginInput.safeParse({ username: " ", password: "x" }).success, false);
    assert.equal(loginInput.safeParse({ username: "a".repeat(65), password: "x" }).success, false);
    assert.equal(loginInput.safeParse({ username: "alice", password: "x".repeat(257) }).success, false);
    assert.equal(loginInput.safeParse({ username: "alice", password: 1 }).success, false);
  });
});

describe("password login under a flood of right passwords", () => {
  test("a right password gives back its own slot only: the account's earlier failures still count", async () => {
    const { db } = await import("../db");
    const { hashPassword } = await import("./password");
    await db().user.create({ data: { id: "user_flood1", username: "flood1", displayName: "Flood", passwordHash: await hashPassword(TEST_PASSWORD) } });
    for (let i = 0; i < 4; i++) assert.equal(outcome(await checkCredentials({ username: "flood1", password: "guess" }, `10.9.0.${i}`)), "invalid_credentials");
    assert.equal(outcome(await checkCredentials({ username: "flood1", password: TEST_PASSWORD }, "10.9.0.50")), "ok");
    // Forgetting the four on a success would let five more guesses through: only one is left.
    assert.equal(outcome(await checkCredentials({ username: "flood1", password: "guess" }, "10.9.0.51")), "invalid_credentials");
    assert.equal(outcome(await checkCredentials({ username: "flood1", password: "guess" }, "10.9.0.52")), "rate_limited");
  });

  test("successful logins count against the client's checks a minute", async () => {
    const max = 60; // LOGIN_MAX_CHECKS_PER_CLIENT_PER_MINUTE's default
    for (let i = 0; i < max; i++) assert.equal(outcome(await checkCredentials({ username: "alice", password: TEST_PASSWORD }, "10.8.0.1")), "ok", `login ${i + 1}`);
    const refused = await checkCredentials({ username: "alice", password: TEST_PASSWORD }, "10.8.0.1");
    assert.ok(!refused.ok);
    assert.equal(refused.code, "rate_limited");
    assert.equal(refused.detail?.key, "checksPerMinute");
    assert.ok(refused.retryAfterSeconds && refused.retryAfterSeconds <= 60);
    assert.equal(outcome(await checkCredentials({ username: "alice", password: TEST_PASSWORD }, "10.8.0.2")), "ok", "another client is not concerned");
  });

  test("no hash slot in time: 503 busy with a retry time, and nothing counted as a failure", async () => {
    const { hashBudget } = await import("./hash-budget");
    const budget = hashBudget();
    let free!: () => void;
    const held = new Promise<void>((resolve) => (free = resolve));
    // Fill every slot and the whole queue with hashes that wait for us.
    const holders: Promise<unknown>[] = [];
    while (budget.queued < 8) holders.push(budget.run(() => held).catch(() => {}));
    const refused = await checkCredentials({ username: "alice", password: "wrong-but-never-checked" }, "10.7.0.1");
    free();
    await Promise.all(holders);
    assert.ok(!refused.ok);
    assert.equal(refused.code, "busy");
    assert.ok(refused.retryAfterSeconds && refused.retryAfterSeconds >= 1);
    // The refused check took no failure slot: five guesses are still checked, the sixth is not.
    for (let i = 0; i < 5; i++) assert.equal(outcome(await checkCredentials({ username: "bob-busy", password: "guess" }, `10.7.1.${i}`)), "invalid_credentials");
    assert.equal(outcome(await checkCredentials({ username: "bob-busy", password: "guess" }, "10.7.1.9")), "rate_limited");
  });
});
