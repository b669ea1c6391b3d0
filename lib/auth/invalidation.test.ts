import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { db } from "../db";
import { outcome } from "../testing/outcome";
import { traced } from "../trace";
import { announce, cacheUsable, channelStatus, inTransaction, invalidate, startListening, stopListening } from "./invalidation";
import * as Jwt from "./jwt";
import { RowCache } from "./row-cache";
import * as Session from "./session";
import { revokeDevice } from "./session-devices";

const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
const meta = { userAgent: "unit-test", ip: "127.0.0.1" };
const postgres = !process.env.DATABASE_URL?.startsWith("file:");

/** What one authentication cost: store queries, rows from memory, and the outcome. */
async function costOf<T extends { ok: boolean }>(check: () => T | Promise<T>) {
  const { result, trace } = await traced(async () => check());
  return { outcome: outcome(result as never), queries: trace.queries, cached: trace.cached };
}

async function until(condition: () => boolean, ms = 3_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(10);
  }
}

/** Another instance: a connection of its own, writing SQL as any process could (no Prisma, no announcement here). */
async function asAnotherInstance(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

describe("cache invalidation", () => {
  before(async () => {
    startListening();
    await until(cacheUsable);
  });
  after(stopListening);

  test("a session row is read once, then served from memory; a revocation is seen by the very next request", async () => {
    const { cookieValue, session } = await Session.login(alice, meta);
    assert.deepEqual(await costOf(() => Session.authenticate(cookieValue, { touch: false })), { outcome: "ok", queries: 1, cached: 0 });
    assert.deepEqual(await costOf(() => Session.authenticate(cookieValue, { touch: false })), { outcome: "ok", queries: 0, cached: 1 });
    assert.equal(await revokeDevice(alice.id, session.id), true);
    assert.deepEqual(await costOf(() => Session.authenticate(cookieValue, { touch: false })), { outcome: "session_revoked", queries: 1, cached: 0 });
  });

  test("logout, eviction and expiry changes each forget the row", async () => {
    const a = await Session.login(alice, meta);
    await Session.authenticate(a.cookieValue, { touch: false });
    await Session.logout(a.cookieValue);
    assert.equal(outcome(await Session.authenticate(a.cookieValue, { touch: false })), "session_revoked");

    // A new idle expiry written in the past (as a sweep or another instance might): refused at once.
    const b = await Session.login(alice, meta);
    await Session.authenticate(b.cookieValue, { touch: false });
    await db().session.update({ where: { id: b.session.id }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    assert.equal(outcome(await Session.authenticate(b.cookieValue, { touch: false })), "session_expired");

    // Deleting the user deletes her sessions by cascade: every cached row is forgotten.
    const c = await Session.login({ id: "user_carol", username: "carol", displayName: "Carol" }, meta);
    await Session.authenticate(c.cookieValue, { touch: false });
    const user = await db().user.findUniqueOrThrow({ where: { id: "user_carol" } });
    await db().user.delete({ where: { id: "user_carol" } });
    assert.equal(outcome(await Session.authenticate(c.cookieValue, { touch: false })), "session_revoked");
    await db().user.create({ data: user });
  });

  test("a write inside a transaction is announced when the transaction ends, not before", async () => {
    const cache = new RowCache<string>("t");
    cache.get("x", () => "old");
    let seenInside: string | null = null;
    await inTransaction(async () => {
      announce("t:x");
      seenInside = await cache.get("x", () => "read from the store");
    });
    assert.equal(seenInside, "old", "until the commit, the store still holds the old value");
    assert.equal(await cache.get("x", () => "new"), "new");
  });

  test("a row read while an invalidation arrives is not kept (it may be the old one)", async () => {
    const cache = new RowCache<string>("t2");
    const row = await cache.get("x", async () => {
      invalidate("t2:x"); // the change lands while the read is in flight
      return "maybe stale";
    });
    assert.equal(row, "maybe stale");
    assert.equal(await cache.get("x", () => "fresh"), "fresh", "the racing read was not cached");
    assert.equal(await cache.get("x", () => "never read"), "fresh");
  });

  test("the cache is bounded: the least recently used row goes first", async () => {
    const cache = new RowCache<number>("t3", 2);
    cache.get("a", () => 1);
    cache.get("b", () => 2);
    cache.get("a", () => -1); // a is now the most recent
    cache.get("c", () => 3);
    assert.equal(cache.size, 2);
    assert.equal(await cache.get("a", () => -1), 1, "a was kept");
    assert.equal(await cache.get("b", () => 20), 20, "b was dropped");
  });

  test("a revocable JWT's deny-list answer is kept per instance and forgotten when its jti is listed", async () => {
    const { accessToken } = await Jwt.login(alice, meta, { revocable: true });
    const credential = { authorization: `Bearer ${accessToken}` };
    assert.deepEqual(await costOf(() => Jwt.authenticate(credential)), { outcome: "ok", queries: 1, cached: 0 });
    assert.deepEqual(await costOf(() => Jwt.authenticate(credential)), { outcome: "ok", queries: 0, cached: 1 });
    const received = channelStatus().received;
    await Jwt.logout(credential);
    // PostgreSQL also announces the listing through NOTIFY, a moment later: let it arrive.
    if (postgres) await until(() => channelStatus().received > received);
    assert.equal(outcome(await Jwt.authenticate(credential)), "token_revoked");
    assert.deepEqual(await costOf(() => Jwt.authenticate(credential)), { outcome: "token_revoked", queries: 0, cached: 1 });
  });

  test("PostgreSQL: a revocation by another instance reaches this one through LISTEN/NOTIFY", { skip: !postgres && "SQLite has one instance: nothing else writes the file" }, async () => {
    const { cookieValue, session } = await Session.login(alice, meta);
    await Session.authenticate(cookieValue, { touch: false });
    assert.equal((await costOf(() => Session.authenticate(cookieValue, { touch: false }))).cached, 1);
    const received = channelStatus().received;
    const start = performance.now();
    await asAnotherInstance(`UPDATE "Session" SET "revokedAt" = now(), "revokedReason" = 'revoked_from_another_device' WHERE id = $1`, [session.id]);
    await until(() => channelStatus().received > received);
    const ms = performance.now() - start;
    assert.equal(outcome(await Session.authenticate(cookieValue, { touch: false })), "session_revoked");
    assert.ok(ms < 1000, `announced in ${ms.toFixed(1)} ms`);
  });

  test("PostgreSQL: with the listener killed, every request reads the store (fail closed), until it is back", { skip: !postgres && "SQLite announces in process: there is no listener to lose" }, async () => {
    const { cookieValue, session } = await Session.login(alice, meta);
    await Session.authenticate(cookieValue, { touch: false });
    assert.equal((await costOf(() => Session.authenticate(cookieValue, { touch: false }))).cached, 1);

    // Kill the listening connection from the server side, as a failover or a network cut would.
    await asAnotherInstance("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'login-lab-invalidation' AND datname = current_database()", []);
    await until(() => !cacheUsable());
    // Deaf now: a revocation made meanwhile cannot be announced to us — and is still seen, from the store.
    await asAnotherInstance(`UPDATE "Session" SET "revokedAt" = now(), "revokedReason" = 'revoked_from_another_device' WHERE id = $1`, [session.id]);
    assert.deepEqual(await costOf(() => Session.authenticate(cookieValue, { touch: false })), { outcome: "session_revoked", queries: 1, cached: 0 });

    // It reconnects by itself; then the cache answers again.
    await until(cacheUsable, 10_000);
    const fresh = await Session.login(alice, meta);
    await Session.authenticate(fresh.cookieValue, { touch: false });
    assert.equal((await costOf(() => Session.authenticate(fresh.cookieValue, { touch: false }))).cached, 1);
  });

  test("PostgreSQL: no listener at all (stopped) means no cache", { skip: !postgres && "SQLite announces in process" }, async () => {
    await stopListening();
    try {
      const { cookieValue } = await Session.login(alice, meta);
      await Session.authenticate(cookieValue, { touch: false });
      assert.deepEqual(await costOf(() => Session.authenticate(cookieValue, { touch: false })), { outcome: "ok", queries: 1, cached: 0 });
    } finally {
      startListening();
      await until(cacheUsable);
    }
  });
});
