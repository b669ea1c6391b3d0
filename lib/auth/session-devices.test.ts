import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { outcome } from "../testing/outcome";
import * as Session from "./session";
import { deviceLabel, deviceName, listDevices, revokeDevice, revokeOtherDevices, simulatedDevice } from "./session-devices";
import { SIMULATED_PER_HOUR, simulateDevices } from "./simulate-devices";

const carol = { id: "user_carol", username: "carol", displayName: "Carol" };
const meta = (n: number) => ({ userAgent: `device ${n}`, ip: "127.0.0.1" });

describe("session devices", () => {
  test("list, revoke one, revoke the others: the revoked side is told why", async () => {
    const a = await Session.login(carol, meta(1));
    const b = await Session.login(carol, meta(2));
    const c = await Session.login(carol, meta(3));
    const devices = await listDevices(carol.id, a.session.id);
    assert.ok(devices.some((d) => d.id === a.session.id && d.current));
    assert.ok(await revokeDevice(carol.id, b.session.id));
    const refused = await Session.authenticate(b.cookieValue);
    assert.equal(outcome(refused), "session_revoked");
    assert.match(refused.ok ? "" : refused.message, /revoked from another device/);
    assert.equal(await revokeDevice("user_alice", c.session.id), false, "never another user's session");
    assert.ok((await revokeOtherDevices(carol.id, a.session.id)) >= 1);
    assert.equal(outcome(await Session.authenticate(c.cookieValue)), "session_revoked");
    assert.equal(outcome(await Session.authenticate(a.cookieValue)), "ok");
    assert.deepEqual((await listDevices(carol.id, a.session.id)).map((d) => d.id), [a.session.id]);
  });

  test("the per-user limit (20) evicts the oldest session, which hears why", async () => {
    const first = await Session.login(carol, meta(100));
    for (let i = 0; i < 20; i++) await Session.login(carol, meta(101 + i));
    const evicted = await Session.authenticate(first.cookieValue);
    assert.equal(outcome(evicted), "session_evicted");
    assert.match(evicted.ok ? "" : evicted.message, /at most 20 sessions/);
    assert.equal((await listDevices(carol.id, "")).length, 20);
  });

  test("20 parallel logins of one user never leave more than 20 live sessions", async () => {
    const dave = { id: "user_bob", username: "bob", displayName: "Bob" };
    for (let i = 0; i < 15; i++) await Session.login(dave, meta(400 + i));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => Session.login(dave, meta(500 + i))));
    assert.equal(results.length, 20);
    assert.equal((await listDevices(dave.id, "")).length, 20);
  });

  test("a short idle timeout chosen at login ends the session after that much silence", async () => {
    const t0 = new Date();
    const s = await Session.login(carol, meta(200), { now: t0, shortIdle: true });
    assert.equal(s.session.idleTimeoutSeconds, 15);
    assert.equal(outcome(await Session.authenticate(s.cookieValue, { now: new Date(t0.getTime() + 14_000) })), "ok");
    assert.equal(outcome(await Session.authenticate(s.cookieValue, { now: new Date(t0.getTime() + 14_000 + 15_000) })), "session_expired");
  });

  test("device names come from the user agent", () => {
    assert.equal(deviceName("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"), "Chrome 156 on Linux");
    assert.equal(deviceName("curl/8.5.0"), "curl/8.5.0");
    assert.equal(deviceName(null), "unknown device");
    assert.equal(deviceName("Simulated device 3"), "Simulated device 3");
    // The page words the label in its language: "Linux의 Chrome 156", "시뮬레이션 기기 3".
    assert.deepEqual(deviceLabel("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"), { kind: "browser", browser: "Chrome 156", os: "Linux" });
    assert.deepEqual(deviceLabel("Simulated device 3"), { kind: "simulated", n: 3 });
    assert.deepEqual(deviceLabel("curl/8.5.0"), { kind: "agent", agent: "curl/8.5.0" });
    assert.deepEqual(deviceLabel(null), { kind: "unknown" });
    assert.equal(simulatedDevice("Simulated device 12"), 12);
    assert.equal(simulatedDevice("Simulated devices 12"), null);
  });
});

describe("simulated devices", () => {
  test("never past the per-user limit, and at most SIMULATED_PER_HOUR an hour however they are revoked", async () => {
    const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
    const t0 = new Date();
    const own = await Session.login(alice, meta(600), { now: t0 });
    const first = await simulateDevices(alice, own.session.id, 50, t0);
    assert.ok("created" in first);
    assert.equal(first.sessions, 20, "up to the limit, the visitor's own session kept");
    assert.equal(outcome(await Session.authenticate(own.cookieValue, { now: t0 })), "ok");
    let made = first.created;
    for (let round = 0; round < 5; round++) {
      await revokeOtherDevices(alice.id, own.session.id, t0);
      const r = await simulateDevices(alice, own.session.id, 50, t0);
      if (!("created" in r)) {
        assert.equal(r.code, "rate_limited");
        break;
      }
      made += r.created;
    }
    assert.equal(made, SIMULATED_PER_HOUR);
    const nextHour = await simulateDevices(alice, own.session.id, 1, new Date(t0.getTime() + 3601_000));
    assert.ok("created" in nextHour && nextHour.created === 1, "a new hour, a new allowance");
  });
});
