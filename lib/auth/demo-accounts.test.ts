import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { POST } from "../../app/api/demo-accounts/route";
import { removeDemoUsers, seedDemoUsers } from "../database/seed";
import { db } from "../db";
import { env } from "../env";
import { sweep } from "../sweep";
import { TEST_PASSWORD } from "../testing/setup";
import { outcome } from "../testing/outcome";
import { checkCredentials, loginInput } from "./credentials";
import { createDemoAccount, DEMO_USERNAME } from "./demo-accounts";
import * as Hybrid from "./hybrid";
import * as Session from "./session";

const meta = { userAgent: "unit-test", ip: "127.0.0.1" };

async function created(ip: string, now?: Date) {
  const account = await createDemoAccount(ip, now);
  assert.ok(account.ok, `created for ${ip}`);
  return account;
}

const userOf = (username: string) => db().user.findUniqueOrThrow({ where: { username }, select: { id: true, username: true, displayName: true } });

describe("throwaway accounts", () => {
  test("a new account logs in, with an unguessable username, a strong argon2id-hashed password and an expiry", async () => {
    const before = Date.now();
    const account = await created("10.9.0.1");
    assert.match(account.username, DEMO_USERNAME);
    assert.ok(loginInput.safeParse({ username: account.username, password: account.password }).success);
    assert.match(account.password, /^[A-Za-z0-9_-]{24,}$/, "≥ 144 bits of base64url");
    const row = await db().user.findUniqueOrThrow({ where: { username: account.username } });
    assert.match(row.passwordHash, /^\$argon2id\$/);
    assert.equal(row.expiresAt?.getTime(), account.expiresAt.getTime());
    const ttl = env().DEMO_ACCOUNT_TTL_SECONDS * 1000;
    assert.ok(account.expiresAt.getTime() >= before + ttl && account.expiresAt.getTime() <= Date.now() + ttl);

    const login = await checkCredentials({ username: account.username, password: account.password }, "10.9.0.1");
    assert.ok(login.ok);
    assert.deepEqual(login.user, { id: row.id, username: account.username, displayName: account.displayName });
    assert.equal(outcome(await checkCredentials({ username: account.username, password: "not-the-password" }, "10.9.0.1")), "invalid_credentials");
  });

  test("every account gets its own username and password", async () => {
    const accounts = [await created("10.9.1.1"), await created("10.9.1.2"), await created("10.9.1.3")];
    assert.equal(new Set(accounts.map((a) => a.username)).size, 3);
    assert.equal(new Set(accounts.map((a) => a.password)).size, 3);
    for (const a of accounts) assert.match(a.username, DEMO_USERNAME);
  });

  test("one client address gets DEMO_ACCOUNTS_PER_CLIENT_PER_HOUR accounts an hour, then a retry time", async () => {
    const t0 = new Date();
    const max = env().DEMO_ACCOUNTS_PER_CLIENT_PER_HOUR;
    for (let i = 0; i < max; i++) await created("10.9.2.1", t0);
    const refused = await createDemoAccount("10.9.2.1", new Date(t0.getTime() + 60_000));
    assert.equal(outcome(refused), "rate_limited");
    assert.ok(!refused.ok && refused.retryAfterSeconds === 3540, "until the hour since the first is over");
    assert.match(!refused.ok ? refused.message : "", /throwaway accounts/);
    await created("10.9.2.2", t0);
    await created("10.9.2.1", new Date(t0.getTime() + 3600_000));
  });

  test("the sweep deletes an expired account with its sessions, refresh tokens and deny-list rows; a live one stays", async () => {
    const ttl = env().DEMO_ACCOUNT_TTL_SECONDS * 1000;
    const expired = await created("10.9.3.1", new Date(Date.now() - ttl - 60_000));
    const live = await created("10.9.3.2");
    for (const account of [expired, live]) {
      const user = await userOf(account.username);
      await Session.login(user, meta);
      await Hybrid.login(user, meta);
      await db().deniedToken.create({ data: { jti: `jti-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    }
    const expiredId = (await userOf(expired.username)).id;
    const liveId = (await userOf(live.username)).id;

    // Past its expiry it no longer logs in, even before the sweep has run.
    assert.equal(outcome(await checkCredentials({ username: expired.username, password: expired.password }, "10.9.3.3")), "invalid_credentials");

    const removed = await sweep(new Date());
    assert.ok(removed.throwawayAccounts >= 1);
    assert.equal(await db().user.count({ where: { id: expiredId } }), 0);
    assert.equal(await db().session.count({ where: { userId: expiredId } }), 0);
    assert.equal(await db().refreshToken.count({ where: { userId: expiredId } }), 0);
    assert.equal(await db().deniedToken.count({ where: { userId: expiredId } }), 0);
    assert.equal(outcome(await checkCredentials({ username: expired.username, password: expired.password }, "10.9.3.1")), "invalid_credentials");

    assert.equal(await db().user.count({ where: { id: liveId } }), 1);
    assert.equal(await db().session.count({ where: { userId: liveId } }), 1);
    assert.equal(await db().refreshToken.count({ where: { userId: liveId } }), 1);
    assert.equal(await db().deniedToken.count({ where: { userId: liveId } }), 1);
    assert.equal(outcome(await checkCredentials({ username: live.username, password: live.password }, "10.9.3.2")), "ok");
  });

  test("public mode removes the shared demo users with their sessions, never a throwaway account", async () => {
    // A demo user of this test's own: other test files may share the database (PostgreSQL).
    await seedDemoUsers(TEST_PASSWORD, ["dora"]);
    const dora = await userOf("dora");
    await Session.login(dora, meta);
    const account = await created("10.9.5.1");
    assert.deepEqual(await removeDemoUsers(["dora", account.username, "nobody"]), ["dora"]);
    assert.equal(await db().user.count({ where: { username: "dora" } }), 0);
    assert.equal(await db().session.count({ where: { userId: dora.id } }), 0);
    assert.equal(await db().user.count({ where: { username: account.username } }), 1);
    assert.deepEqual(await removeDemoUsers(["dora"]), []);
  });

  test("POST /api/demo-accounts: 201 with the account and no-store, then 429 with Retry-After; cross-site refused", async () => {
    const post = (headers: Record<string, string> = {}) => POST(new Request("http://localhost/api/demo-accounts", { method: "POST", headers }) as never);
    const first = await post();
    assert.equal(first.status, 201);
    assert.equal(first.headers.get("cache-control"), "no-store");
    const body = (await first.json()) as { username: string; password: string; expiresAt: string };
    assert.match(body.username, DEMO_USERNAME);
    assert.equal(outcome(await checkCredentials(body, "10.9.4.1")), "ok");
    assert.ok(Date.parse(body.expiresAt) > Date.now());

    for (let i = 1; i < env().DEMO_ACCOUNTS_PER_CLIENT_PER_HOUR; i++) assert.equal((await post()).status, 201);
    const limited = await post();
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    assert.equal(((await limited.json()) as { error: string }).error, "rate_limited");

    const crossSite = await post({ origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    assert.equal(crossSite.status, 403);
  });
});
