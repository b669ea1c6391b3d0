import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { beforeEach, describe, test } from "node:test";
import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT } from "jose";
import { GET as jwksRoute } from "../../app/.well-known/jwks.json/route";
import { parseConfig } from "../config";
import { db } from "../db";
import { env } from "../env";
import { outcome } from "../testing/outcome";
import { signAccessToken, verifyAccessToken } from "./access-token";
import { decryptPrivateJwk, encryptPrivateJwk, KeyDecryptionError } from "./key-encryption";
import { ensureKeys, keyRotationTick, KeyRotationRefused, listKeys, loadFromStore, retireExpired, rotateIfDue, rotateKeys } from "./key-rotation";
import { forgetKeys, keySet, loadedKeySet, publicJwks, signingKey } from "./keys";

// This file runs with keys in the database and a 7-day schedule. env() has read the environment
// already (the test setup), so the validated configuration it keeps is updated in place.
const SECRET = randomBytes(32).toString("base64url");
const settings = { KEY_ENCRYPTION_SECRET: SECRET, JWT_KEY_ROTATION_DAYS: "7", JWKS_CACHE_SECONDS: "300", JWT_TTL_SECONDS: "900", HYBRID_ACCESS_TTL_SECONDS: "300" };
Object.assign(env(), parseConfig({ ...process.env, ...settings }));

const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
const t0 = new Date("2026-11-27T12:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const DAY = 86_400;
/** JWKS_CACHE_SECONDS + the 30 s an instance may use its loaded key set: when a next key may sign. */
const PROMOTE = 330;
/** The longest token TTL + 30 s: when a previous key may retire. */
const RETIRE = 930;

const states = async () => Object.fromEntries((await listKeys()).map((k) => [k.kid, k.state]));
const kidsIn = async (state: string) => (await listKeys()).filter((k) => k.state === state).map((k) => k.kid);
const configKid = () => {
  const { kty, crv, x } = env().JWT_PRIVATE_KEY;
  return calculateJwkThumbprint({ kty, crv, x });
};

/** Exactly one current, at most one next and one previous. */
async function assertInvariants() {
  const keys = await listKeys();
  const count = (s: string) => keys.filter((k) => k.state === s).length;
  assert.equal(count("current"), 1);
  assert.ok(count("next") <= 1 && count("previous") <= 1, JSON.stringify(keys));
}

/** Rotates at `seconds`, expecting a refusal; returns it. */
async function refusedAt(seconds: number): Promise<KeyRotationRefused> {
  const before = await states();
  const error = await rotateKeys({ now: at(seconds) }).then(
    () => assert.fail(`rotation at t0+${seconds}s was allowed`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof KeyRotationRefused, String(error));
  assert.deepEqual(await states(), before, "a refused rotation changes nothing");
  return error;
}

describe("signing-key rotation", () => {
  beforeEach(async () => {
    await db().signingKey.deleteMany();
    forgetKeys();
  });

  test("the configuration is this file's: keys in the database, a 7-day schedule", () => {
    assert.equal(env().KEY_ENCRYPTION_SECRET, SECRET);
    assert.equal(env().JWT_KEY_ROTATION_DAYS, 7);
  });

  test("bootstrap: JWT_PRIVATE_KEY's key becomes current, a new next key is published; tokens it signed before keep verifying", async () => {
    // A token signed the way the single-key setup signs, before the keys moved to the database.
    const { kty, crv, x, d } = env().JWT_PRIVATE_KEY;
    const kid = await configKid();
    const before = await new SignJWT({ preferred_username: "alice", name: "Alice", jti: "j1" })
      .setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid })
      .setIssuer(env().JWT_ISSUER)
      .setAudience("login-lab:jwt")
      .setSubject(alice.id)
      .setIssuedAt(at(-60))
      .setNotBefore(at(-60))
      .setExpirationTime(at(600))
      .sign(await importJWK({ kty, crv, x, d }, "EdDSA"));

    const changes = await ensureKeys(t0);
    assert.deepEqual(
      changes.map((c) => [c.from, c.to]),
      [
        [null, "current"],
        [null, "next"],
      ],
    );
    assert.equal(changes[0].kid, kid);
    const keys = await listKeys();
    assert.equal(keys.length, 2);
    const next = keys.find((k) => k.state === "next");
    assert.deepEqual(next?.createdAt, t0);
    assert.deepEqual(keys.find((k) => k.state === "current")?.activatedAt, t0);
    assert.deepEqual(await ensureKeys(at(10)), [], "bootstrap happens once");

    assert.equal((await verifyAccessToken(before, "login-lab:jwt", at(0))).ok, true);
    const { token } = await signAccessToken(alice, "login-lab:jwt", 60, {}, at(1));
    assert.equal(decodeProtectedHeader(token).kid, kid, "the current key signs");
  });

  test("every transition, frozen clock: next → current → previous → retired", async () => {
    await ensureKeys(t0);
    const [k1] = await kidsIn("current");
    const [k2] = await kidsIn("next");

    // Step 1: the next key is too young to sign.
    const young = await refusedAt(PROMOTE - 1);
    assert.deepEqual(young.notBefore, at(PROMOTE));
    assert.match(young.message, /next key .* was published at 2026-11-27T12:00:00\.000Z/);
    assert.match(young.message, /JWKS_CACHE_SECONDS/);
    assert.match(young.message, new RegExp(at(PROMOTE).toISOString().replace(/\./g, "\\.")));

    const first = await rotateKeys({ now: at(PROMOTE) });
    const k3 = first.changes.find((c) => c.from === null)?.kid as string;
    assert.deepEqual(first.changes, [
      { kid: k1, from: "current", to: "previous" },
      { kid: k2, from: "next", to: "current" },
      { kid: k3, from: null, to: "next" },
    ]);
    assert.deepEqual(await states(), { [k1]: "previous", [k2]: "current", [k3]: "next" });
    const after1 = Object.fromEntries((await listKeys()).map((k) => [k.kid, k]));
    assert.deepEqual(after1[k1].deactivatedAt, at(PROMOTE));
    assert.deepEqual(after1[k2].activatedAt, at(PROMOTE));
    assert.deepEqual(after1[k3].createdAt, at(PROMOTE));
    await assertInvariants();

    // Step 2: the next key is old enough, but the previous key still has live tokens.
    const live = await refusedAt(2 * PROMOTE);
    assert.deepEqual(live.notBefore, at(PROMOTE + RETIRE));
    assert.match(live.message, /previous key .* still has live tokens/);
    assert.match(live.message, new RegExp(at(PROMOTE + RETIRE).toISOString().replace(/\./g, "\\.")));
    await refusedAt(PROMOTE + RETIRE - 1);

    const second = await rotateKeys({ now: at(PROMOTE + RETIRE) });
    const k4 = second.changes.find((c) => c.from === null)?.kid as string;
    assert.deepEqual(second.changes, [
      { kid: k1, from: "previous", to: "retired" },
      { kid: k2, from: "current", to: "previous" },
      { kid: k3, from: "next", to: "current" },
      { kid: k4, from: null, to: "next" },
    ]);
    assert.deepEqual(await states(), { [k1]: "retired", [k2]: "previous", [k3]: "current", [k4]: "next" });
    const retired = await db().signingKey.findUniqueOrThrow({ where: { kid: k1 } });
    assert.deepEqual(retired.retiredAt, at(PROMOTE + RETIRE));
    assert.equal(retired.privateJwk, "", "a retired key's private part is erased");
    await assertInvariants();

    // retireExpired: the previous key retires on its own once its tokens have expired.
    const t2 = PROMOTE + RETIRE;
    assert.deepEqual(await retireExpired(at(t2 + RETIRE - 1)), []);
    assert.deepEqual(await retireExpired(at(t2 + RETIRE)), [{ kid: k2, from: "previous", to: "retired" }]);
    assert.deepEqual(await kidsIn("previous"), []);
    await assertInvariants();
    // With no previous key, only the next key's age counts.
    const third = await rotateKeys({ now: at(t2 + RETIRE) });
    assert.deepEqual(
      third.changes.map((c) => [c.from, c.to]),
      [
        ["current", "previous"],
        ["next", "current"],
        [null, "next"],
      ],
    );
    await assertInvariants();
  });

  test("a token of the previous key verifies until its exp; once the key retired: token_unknown_kid, remembered or not", async () => {
    await ensureKeys(t0);
    const [k1] = await kidsIn("current");
    const [k2] = await kidsIn("next");
    const { token: old } = await signAccessToken(alice, "login-lab:jwt", 900, {}, at(300));
    const { token: neverSeen } = await signAccessToken(alice, "login-lab:hybrid", 900, {}, at(300));
    assert.equal(decodeProtectedHeader(old).kid, k1);
    assert.equal((await verifyAccessToken(old, "login-lab:jwt", at(301))).ok, true, "verified once: now remembered");

    await rotateKeys({ now: at(PROMOTE) });
    const { token: fresh } = await signAccessToken(alice, "login-lab:jwt", 900, {}, at(PROMOTE + 1));
    assert.equal(decodeProtectedHeader(fresh).kid, k2, "the new current key signs");
    assert.equal((await verifyAccessToken(fresh, "login-lab:jwt", at(PROMOTE + 2))).ok, true);
    // The previous key still verifies: its token lives out its exp (t0 + 1200 s).
    assert.equal((await verifyAccessToken(old, "login-lab:jwt", at(1199))).ok, true);
    assert.equal(outcome(await verifyAccessToken(old, "login-lab:jwt", at(1200))), "token_expired");
    assert.equal((await verifyAccessToken(neverSeen, "login-lab:hybrid", at(1199))).ok, true);

    await rotateKeys({ now: at(PROMOTE + RETIRE) });
    assert.deepEqual(await kidsIn("retired"), [k1]);
    // With the clock held before exp: only the retirement can refuse them.
    assert.equal(outcome(await verifyAccessToken(old, "login-lab:jwt", at(1199))), "token_unknown_kid", "a remembered token");
    assert.equal(outcome(await verifyAccessToken(neverSeen, "login-lab:hybrid", at(1199))), "token_unknown_kid", "a token verified in full");
    assert.equal((await verifyAccessToken(fresh, "login-lab:jwt", at(PROMOTE + 3))).ok, true, "the previous key (k2) still verifies");
  });

  test("a remembered token is not taken on trust once the key set is forgotten, and not after its key retired elsewhere", async () => {
    await ensureKeys(t0);
    const { token } = await signAccessToken(alice, "login-lab:jwt", 900, {}, at(1));
    assert.equal((await verifyAccessToken(token, "login-lab:jwt", at(2))).ok, true);
    const hit = verifyAccessToken(token, "login-lab:jwt", at(3));
    assert.equal(typeof (hit as { then?: unknown }).then, "undefined", "a hit on a loaded key set answers synchronously");

    forgetKeys();
    assert.equal(loadedKeySet(), undefined);
    const after = verifyAccessToken(token, "login-lab:jwt", at(4));
    assert.equal(typeof (after as { then?: unknown }).then, "function", "no loaded set: verified in full");
    assert.equal((await after).ok, true);

    // Another process retires the key (here: straight in the store, as `npm run keys:rotate` would
    // from elsewhere); once this process reads the keys again, the remembered token is refused.
    const loaded = await keySet();
    const kid = decodeProtectedHeader(token).kid as string;
    await db().signingKey.update({ where: { kid }, data: { state: "retired" } });
    await db().signingKey.updateMany({ where: { state: "next" }, data: { state: "current", activatedAt: at(5) } });
    forgetKeys();
    assert.notEqual(await keySet(), loaded);
    assert.equal(outcome(await verifyAccessToken(token, "login-lab:jwt", at(6))), "token_unknown_kid");
  });

  test("write access to the table alone makes no key trusted: a swapped public key, an inserted second previous key", async () => {
    await ensureKeys(t0);
    const [nextKid] = await kidsIn("next");
    const attacker = await generateKeyPair("EdDSA", { extractable: true });
    const { kty, crv, x } = await exportJWK(attacker.publicKey);
    // The attacker's public key on the next row, then a token of theirs under that kid, for bob, valid for a year.
    await db().signingKey.update({ where: { kid: nextKid }, data: { publicJwk: JSON.stringify({ kty, crv, x }) } });
    const forged = await new SignJWT({ preferred_username: "bob", name: "Bob", jti: "forged-1" })
      .setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid: nextKid })
      .setIssuer(env().JWT_ISSUER)
      .setAudience("login-lab:jwt")
      .setSubject("user_bob")
      .setIssuedAt(at(-60))
      .setNotBefore(at(-60))
      .setExpirationTime(at(365 * DAY))
      .sign(attacker.privateKey);
    // A second previous key: its own kid, no private part.
    const fake = { kty, crv, x: (await exportJWK((await generateKeyPair("EdDSA", { extractable: true })).publicKey)).x };
    await db().signingKey.create({ data: { kid: "not-a-thumbprint", state: "previous", publicJwk: JSON.stringify(fake), privateJwk: "", createdAt: t0 } });
    const thumbprinted = await calculateJwkThumbprint(fake as { kty: string; crv: string; x: string });
    await db().signingKey.create({ data: { kid: thumbprinted, state: "previous", publicJwk: JSON.stringify(fake), privateJwk: "", createdAt: t0 } });

    forgetKeys();
    const set = await loadFromStore(SECRET);
    assert.equal(set.verifiers.has(nextKid), false, "the swapped key verifies nothing");
    assert.equal(set.verifiers.has("not-a-thumbprint"), false);
    assert.equal(set.verifiers.has(thumbprinted), false, "a right thumbprint without its private part is not enough");
    assert.equal(set.jwks.some((k) => k.kid === nextKid || k.kid === thumbprinted), false, "nor is it published");
    assert.deepEqual(
      (set.refused ?? []).map((r) => [r.kid, r.state, r.reason]).sort(),
      [
        [nextKid, "next", "its kid is not the thumbprint of its public key"],
        ["not-a-thumbprint", "previous", "its kid is not the thumbprint of its public key"],
        [thumbprinted, "previous", "it was erased when the key retired"],
      ].sort(),
    );
    assert.equal(outcome(await verifyAccessToken(forged, "login-lab:jwt", at(60))), "token_unknown_kid");
    // The current key still signs, and its tokens verify.
    const { token } = await signAccessToken(alice, "login-lab:jwt", 600, {}, at(0));
    assert.equal(outcome(await verifyAccessToken(token, "login-lab:jwt", at(60))), "ok");
  });

  test("one key per state: a second previous key, even a well-formed one, is refused (the older one stays)", async () => {
    await ensureKeys(t0);
    const wellFormed = async (createdAt: Date) => {
      const { privateKey } = await generateKeyPair("EdDSA", { extractable: true });
      const { kty, crv, x, d } = (await exportJWK(privateKey)) as { kty: string; crv: string; x: string; d: string };
      const kid = await calculateJwkThumbprint({ kty, crv, x });
      await db().signingKey.create({ data: { kid, state: "previous", publicJwk: JSON.stringify({ kty, crv, x }), privateJwk: encryptPrivateJwk({ kty, crv, x, d } as never, kid, SECRET), createdAt } });
      return kid;
    };
    const older = await wellFormed(at(-10));
    const second = await wellFormed(at(10));
    forgetKeys();
    const set = await loadFromStore(SECRET);
    assert.deepEqual(set.refused, [{ kid: second, state: "previous", reason: "a second previous key" }]);
    assert.equal(set.verifiers.has(second), false);
    assert.equal(set.verifiers.has(older), true, "a well-formed key is trusted");
  });

  test("the loaded key set is trusted for 30 s, then read again", async (t) => {
    await ensureKeys(t0);
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
    const loaded = await keySet();
    t.mock.timers.tick(29_999);
    assert.equal(loadedKeySet(), loaded);
    t.mock.timers.tick(1);
    assert.equal(loadedKeySet(), undefined, "too old for the hot path");
    const again = await keySet();
    assert.notEqual(again, loaded);
    assert.equal(loadedKeySet(), again);
  });

  test("the private key is not stored in clear", async () => {
    await ensureKeys(t0);
    await rotateKeys({ now: at(PROMOTE) });
    const rows = await db().signingKey.findMany();
    const { d } = env().JWT_PRIVATE_KEY;
    for (const row of rows) {
      assert.match(row.privateJwk, /^v1\.[A-Za-z0-9_-]+$/, "versioned base64url");
      assert.ok(!row.privateJwk.includes('"d"') && !row.privateJwk.includes(d));
      assert.ok(!("d" in JSON.parse(row.publicJwk)));
      const jwk = decryptPrivateJwk(row.privateJwk, row.kid, SECRET);
      assert.equal(await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }), row.kid);
    }
    // The kid is the associated data: a ciphertext moved onto another key's row does not open.
    assert.throws(() => decryptPrivateJwk(rows[0].privateJwk, rows[1].kid, SECRET), KeyDecryptionError);
    for (const key of (await publicJwks()).keys) assert.equal("d" in key, false);
  });

  test("a wrong KEY_ENCRYPTION_SECRET fails clearly", async () => {
    await ensureKeys(t0);
    const wrong = randomBytes(32).toString("base64url");
    await assert.rejects(loadFromStore(wrong), (error: unknown) => {
      assert.ok(error instanceof KeyDecryptionError);
      assert.match(error.message, /Cannot decrypt the private part of signing key .*wrong KEY_ENCRYPTION_SECRET/);
      assert.match(error.message, /KEY_ENCRYPTION_SECRET must be the secret the keys were stored with/);
      return true;
    });
    assert.equal((await loadFromStore(SECRET)).source, "database");

    // Nor does a rotation under the wrong secret write anything.
    const before = await states();
    env().KEY_ENCRYPTION_SECRET = wrong;
    try {
      await assert.rejects(rotateKeys({ now: at(DAY) }), KeyDecryptionError);
    } finally {
      env().KEY_ENCRYPTION_SECRET = SECRET;
    }
    assert.deepEqual(await states(), before);
  });

  test("two rotations at once: one new key, the other is refused", async () => {
    // Two instances starting together bootstrap once.
    await Promise.all([ensureKeys(t0), ensureKeys(t0)]);
    assert.equal((await listKeys()).length, 2);

    const results = await Promise.allSettled([rotateKeys({ now: at(PROMOTE) }), rotateKeys({ now: at(PROMOTE) })]);
    const done = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    assert.equal(done.length, 1);
    assert.equal(refused.length, 1);
    assert.ok((refused[0] as PromiseRejectedResult).reason instanceof KeyRotationRefused, String((refused[0] as PromiseRejectedResult).reason));
    assert.equal((await listKeys()).length, 3, "exactly one new key");
    await assertInvariants();
  });

  test("JWKS: next, current and previous, public parts only; never a retired key; cached for JWKS_CACHE_SECONDS", async () => {
    await ensureKeys(t0);
    await rotateKeys({ now: at(PROMOTE) });
    await rotateKeys({ now: at(PROMOTE + RETIRE) });
    const keys = await listKeys();
    const kid = (state: string) => keys.find((k) => k.state === state)?.kid;
    const res = await jwksRoute();
    assert.equal(res.headers.get("cache-control"), "public, max-age=300");
    const jwks = (await res.json()) as { keys: Record<string, string>[] };
    assert.deepEqual(
      jwks.keys.map((k) => k.kid),
      [kid("current"), kid("next"), kid("previous")],
    );
    assert.ok(!jwks.keys.some((k) => k.kid === kid("retired")));
    for (const key of jwks.keys) assert.deepEqual(Object.keys(key).sort(), ["alg", "crv", "kid", "kty", "use", "x"]);
    assert.ok(jwks.keys.every((k) => k.alg === "EdDSA" && k.use === "sig" && k.kty === "OKP" && k.crv === "Ed25519"));
    assert.equal((await signingKey()).kid, kid("current"));
  });

  test("rotateIfDue follows JWT_KEY_ROTATION_DAYS, and racing instances rotate once", async () => {
    await ensureKeys(t0);
    const [k1] = await kidsIn("current");
    assert.deepEqual(await rotateIfDue(at(7 * DAY - 1)), { rotated: false, dueAt: at(7 * DAY) });
    assert.deepEqual(await rotateIfDue(at(7 * DAY), null), { rotated: false, dueAt: null }, "no schedule: never");
    assert.deepEqual(await states(), { [k1]: "current", [(await kidsIn("next"))[0]]: "next" });

    const [a, b] = await Promise.all([rotateIfDue(at(7 * DAY)), rotateIfDue(at(7 * DAY))]);
    assert.equal([a, b].filter((r) => r.rotated).length, 1, "one rotation");
    const skipped = [a, b].find((r) => !r.rotated);
    assert.deepEqual(skipped, { rotated: false, dueAt: at(14 * DAY) }, "the other finds a key that has just started signing");
    assert.equal((await listKeys()).length, 3);
    assert.deepEqual(await kidsIn("previous"), [k1]);

    // Due by the days, but the waits come first: a next key published 100 s ago does not sign yet.
    await rotateKeys({ now: at(14 * DAY) });
    assert.deepEqual(await rotateIfDue(at(14 * DAY + 100), 0.001), { rotated: false, dueAt: at(14 * DAY + RETIRE) });
  });

  test("the schedule's tick retires an expired previous key and rotates when due", async () => {
    await ensureKeys(t0);
    assert.deepEqual(await keyRotationTick(at(DAY)), []);
    const rotated = await keyRotationTick(at(7 * DAY));
    assert.deepEqual(
      rotated.map((c) => [c.from, c.to]),
      [
        ["current", "previous"],
        ["next", "current"],
        [null, "next"],
      ],
    );
    assert.deepEqual(await keyRotationTick(at(7 * DAY + RETIRE - 1)), []);
    const retired = await keyRotationTick(at(7 * DAY + RETIRE));
    assert.deepEqual(
      retired.map((c) => [c.from, c.to]),
      [["previous", "retired"]],
    );
    await assertInvariants();
  });
});
