import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "../db";
import { outcome } from "../testing/outcome";
import * as Session from "./session";
import { openSeal, sealToken } from "./seal";
import { memorySessions } from "./session-store";
import { hashToken } from "./tokens";

const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
const meta = { userAgent: "unit-test", ip: "127.0.0.1" };
const IDLE = 1800;
const ABSOLUTE = 43200;
const after = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

describe("session mode", () => {
  test("create stores sha256(token), never the token; the cookie is an opaque seal", async () => {
    const t0 = new Date();
    const { cookieValue, session } = await Session.login(alice, meta, { now: t0 });
    assert.match(cookieValue, /^Fe26\.2\*/);
    assert.doesNotMatch(cookieValue, /alice|user_alice/);
    const unsealed = await openSeal(cookieValue);
    assert.ok(unsealed.ok);
    assert.ok(unsealed.token.length >= 43, "≥ 256 bits of token");
    assert.equal(session.id, hashToken(unsealed.token));
    const row = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    assert.equal(row.userId, "user_alice");
    assert.equal(row.userAgent, "unit-test");
    assert.equal(row.idleExpiresAt.getTime(), after(t0, IDLE).getTime());
    assert.equal(row.absoluteExpiresAt.getTime(), after(t0, ABSOLUTE).getTime());
    assert.equal(await db().session.count({ where: { id: unsealed.token } }), 0);
  });

  test("read validates and returns the user; revoke makes the very next read fail", async () => {
    const { cookieValue } = await Session.login(alice, meta);
    const read = await Session.authenticate(cookieValue);
    assert.ok(read.ok);
    assert.deepEqual(read.user, alice);
    assert.equal((await Session.logout(cookieValue)).revoked, true);
    assert.equal(outcome(await Session.authenticate(cookieValue)), "session_revoked");
    assert.equal((await Session.logout(cookieValue)).revoked, false);
  });

  test("missing, garbage, tampered and foreign-key cookies are refused with their codes", async () => {
    const { cookieValue } = await Session.login(alice, meta);
    assert.equal(outcome(await Session.authenticate(undefined)), "session_missing");
    assert.equal(outcome(await Session.authenticate("garbage")), "session_invalid");
    const mid = Math.floor(cookieValue.length / 2);
    const tampered = cookieValue.slice(0, mid) + (cookieValue[mid] === "a" ? "b" : "a") + cookieValue.slice(mid + 1);
    assert.equal(outcome(await Session.authenticate(tampered)), "session_invalid");
    // The same seal with another version marker (outside the MAC): one spelling only.
    assert.equal(outcome(await Session.authenticate(cookieValue)), "ok");
    for (const respelled of [cookieValue.replace(/~2$/, "~3"), `${cookieValue}0`, cookieValue.replace(/~2$/, ""), `${cookieValue}~2`]) {
      assert.equal(outcome(await Session.authenticate(respelled)), "session_invalid", respelled.slice(-6));
    }
    // A well-formed seal of a token this store never issued.
    assert.equal(outcome(await Session.authenticate(await sealToken("x".repeat(43)))), "session_revoked");
  });

  test("idle expiry: refused after the idle timeout without use, and the row kept to say why", async () => {
    const t0 = new Date();
    const { cookieValue, session } = await Session.login(alice, meta, { now: t0 });
    assert.equal(outcome(await Session.authenticate(cookieValue, { now: after(t0, IDLE - 1) })), "ok");
    // That use slid the idle expiry forward…
    const slid = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    assert.equal(slid.idleExpiresAt.getTime(), after(t0, 2 * IDLE - 1).getTime());
    // …so only a long silence after it expires the session.
    const expired = await Session.authenticate(cookieValue, { now: after(t0, 2 * IDLE - 1) });
    assert.equal(outcome(expired), "session_expired");
    assert.match(!expired.ok ? expired.message : "", /idle/);
    assert.equal(outcome(await Session.authenticate(cookieValue, { now: after(t0, 2 * IDLE + 100) })), "session_expired", "still expired, not unknown");
  });

  test("absolute expiry: refused at the absolute limit even when used all along", async () => {
    const t0 = new Date();
    const { cookieValue } = await Session.login(alice, meta, { now: t0 });
    for (let s = IDLE - 10; s < ABSOLUTE; s += IDLE - 10) assert.equal(outcome(await Session.authenticate(cookieValue, { now: after(t0, s) })), "ok", `at +${s}s`);
    assert.equal(outcome(await Session.authenticate(cookieValue, { now: after(t0, ABSOLUTE) })), "session_expired");
  });

  test("last-seen is written at most once a minute", async () => {
    const t0 = new Date();
    const { cookieValue, session } = await Session.login(alice, meta, { now: t0 });
    await Session.authenticate(cookieValue, { now: after(t0, 30) });
    assert.equal((await db().session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt.getTime(), t0.getTime());
    await Session.authenticate(cookieValue, { now: after(t0, 61) });
    assert.equal((await db().session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt.getTime(), after(t0, 61).getTime());
  });

  test("memory store (S7): the row lives in this process only; another instance does not know the cookie", async () => {
    const { cookieValue, session } = await Session.login(alice, meta, { store: "memory" });
    assert.equal(await db().session.count({ where: { id: session.id } }), 0, "nothing in the shared store");
    assert.equal(outcome(await Session.authenticate(cookieValue)), "ok");
    // Another instance: the same secret opens the seal, but its memory has no such row.
    const row = memorySessions().get(session.id);
    assert.ok(row);
    memorySessions().delete(session.id);
    assert.equal(outcome(await Session.authenticate(cookieValue)), "session_not_on_this_instance");
    memorySessions().set(session.id, row);
    assert.equal((await Session.logout(cookieValue)).revoked, true);
    assert.equal(outcome(await Session.authenticate(cookieValue)), "session_not_on_this_instance");
  });
});
