import "server-only";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import { db, type Tx } from "../db";
import { env } from "../env";
import type { SigningKey as KeyRow } from "../generated/sqlite/client";
import { decryptPrivateJwk, encryptPrivateJwk, KeyDecryptionError, type PrivateJwk } from "./key-encryption";
import {
  forgetKeys,
  KEY_SET_MAX_AGE_SECONDS,
  keyFromJwk,
  type KeyInfo,
  type KeySet,
  type KeyState,
  keySet,
  publicKeyFromJwk,
  published,
  type RefusedKey,
  reloadKeys,
  useKeyStore,
} from "./keys";

/**
 * Signing keys in the database (with KEY_ENCRYPTION_SECRET), and their rotation:
 *
 *   next ──▶ current ──▶ previous ──▶ retired
 *   published   signs      verifies     nothing
 *
 * A rotation moves every key one step, in one transaction: the previous key retires, the current
 * one stops signing, the next one starts, and a new next key is published. Two waits make it safe
 * for everyone holding a token or a cached JWKS:
 * - the next key signs only once it has been published for JWKS_CACHE_SECONDS — a verifier's
 *   cached JWKS (jose's createRemoteJWKSet, the resource service) lists it before any token needs
 *   it;
 * - the previous key retires only once the last token it signed has expired: the longest
 *   access-token TTL after it stopped signing.
 * Both also count KEY_SET_MAX_AGE_SECONDS, the longest an instance uses its loaded key set before
 * reading it again: an instance that has not heard of a change yet may keep signing with the old
 * current key, or serve a JWKS without the new next key, for that long.
 *
 * Every change holds one lock, so two instances (or `npm run keys:rotate` and the schedule) never
 * rotate twice or create two keys: on PostgreSQL a transaction-scoped advisory lock, on SQLite the
 * write lock, taken by writing first.
 */

const LIVE: KeyState[] = ["next", "current", "previous"];

/** pg_advisory_xact_lock's key for signing-key changes: "LLkeys" in ASCII, a number of its own. */
const LOCK = 83891103037811n;

export const NEEDS_SECRET =
  "Signing-key rotation needs KEY_ENCRYPTION_SECRET (at least 32 random bytes, e.g. `openssl rand -base64url 32`): " +
  "the keys are kept in the database, their private parts encrypted under it. Without it, JWT_PRIVATE_KEY alone signs every token.";

export type KeyChange = { kid: string; from: KeyState | null; to: KeyState };
export type Rotation = { at: Date; changes: KeyChange[] };

/** A rotation asked for too early: says why, and from when it will be allowed. */
export class KeyRotationRefused extends Error {
  constructor(
    readonly reasons: string[],
    readonly notBefore: Date,
  ) {
    super(`Cannot rotate the signing keys before ${notBefore.toISOString()}: ${reasons.join("; ")}.`);
    this.name = "KeyRotationRefused";
  }
}

type Live = { next: KeyRow; current: KeyRow; previous: KeyRow | undefined };
type Dated = Pick<KeyRow, "createdAt" | "activatedAt" | "deactivatedAt">;

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const later = (a: Date, b: Date) => (a > b ? a : b);
const short = (kid: string) => `${kid.slice(0, 8)}…`;

function secret(): string {
  const s = env().KEY_ENCRYPTION_SECRET;
  if (!s) throw new Error(NEEDS_SECRET);
  return s;
}

/** The longest an access token lives: a key's tokens are all expired this long after it stopped signing. */
export function longestTokenSeconds(): number {
  return Math.max(env().JWT_TTL_SECONDS, env().HYBRID_ACCESS_TTL_SECONDS);
}

/** When a next key published at `createdAt` may become current. */
export function promotableAt(next: Pick<Dated, "createdAt">): Date {
  return addSeconds(next.createdAt, env().JWKS_CACHE_SECONDS + KEY_SET_MAX_AGE_SECONDS);
}

/** When a previous key may retire: every token it signed has expired. */
export function retirableAt(previous: Pick<Dated, "deactivatedAt" | "createdAt">): Date {
  return addSeconds(previous.deactivatedAt ?? previous.createdAt, longestTokenSeconds() + KEY_SET_MAX_AGE_SECONDS);
}

/** When the schedule rotates: `days` after the current key started signing, once both waits allow it. */
export function rotationDueAt(keys: { current: Dated; next?: Dated; previous?: Dated }, days: number): Date {
  let due = new Date((keys.current.activatedAt ?? keys.current.createdAt).getTime() + days * 86_400_000);
  if (keys.next) due = later(due, promotableAt(keys.next));
  if (keys.previous) due = later(due, retirableAt(keys.previous));
  return due;
}

/* ------------------------------------------------------------------------------------------------
 * The store: rows, the lock, bootstrap.
 */

/** Holds the signing-key lock until the transaction ends. */
async function lock(tx: Tx): Promise<void> {
  if (env().DATABASE_URL.startsWith("file:")) {
    // SQLite serialises writers: a transaction that writes first holds the write lock from its
    // first statement, so the reads after it see every earlier rotation. This write changes nothing.
    await tx.$executeRaw`UPDATE "SigningKey" SET "state" = "state" WHERE "kid" = ''`;
  } else {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK})`;
  }
}

async function newKey(): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const { x, d } = await exportJWK(privateKey);
  return { kty: "OKP", crv: "Ed25519", x: x as string, d: d as string };
}

async function insert(tx: Tx, jwk: PrivateJwk, state: "next" | "current", now: Date): Promise<KeyRow> {
  const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await calculateJwkThumbprint(publicJwk);
  return tx.signingKey.create({
    data: {
      kid,
      state,
      publicJwk: JSON.stringify(publicJwk),
      privateJwk: encryptPrivateJwk(jwk, kid, secret()),
      createdAt: now,
      activatedAt: state === "current" ? now : null,
    },
  });
}

/** Moves one key to its next state; the row must still be where the caller saw it. */
async function move(tx: Tx, row: KeyRow, to: KeyState, data: Partial<KeyRow>, changes: KeyChange[]): Promise<void> {
  const { count } = await tx.signingKey.updateMany({ where: { kid: row.kid, state: row.state }, data: { ...data, state: to } });
  if (count !== 1) throw new Error(`Signing key ${short(row.kid)} is no longer ${row.state}.`);
  changes.push({ kid: row.kid, from: row.state as KeyState, to });
}

/**
 * The live keys, under the lock. On first use (an empty table) the key in JWT_PRIVATE_KEY becomes
 * current — tokens it has already signed keep verifying — and a new next key is published. A
 * missing next key is published again.
 */
async function liveKeys(tx: Tx, now: Date, changes: KeyChange[]): Promise<Live> {
  const rows = await tx.signingKey.findMany({ where: { state: { in: LIVE } } });
  const one = (state: KeyState) => {
    const found = rows.filter((r) => r.state === state);
    if (found.length > 1) throw new Error(`The SigningKey table has ${found.length} ${state} keys; there must be at most one.`);
    return found[0] as KeyRow | undefined;
  };
  let current = one("current");
  let next = one("next");
  const previous = one("previous");
  // Nothing is written under a secret that does not open the keys already there: a key encrypted
  // under another one would leave the table in two secrets.
  for (const row of [current, next]) if (row) decryptPrivateJwk(row.privateJwk, row.kid, secret());
  if (!current) {
    if ((await tx.signingKey.count()) > 0) {
      throw new Error("The SigningKey table has keys but none is current: restore the current key's row, or empty the table to start again from JWT_PRIVATE_KEY.");
    }
    current = await insert(tx, env().JWT_PRIVATE_KEY, "current", now);
    changes.push({ kid: current.kid, from: null, to: "current" });
  }
  if (!next) {
    next = await insert(tx, await newKey(), "next", now);
    changes.push({ kid: next.kid, from: null, to: "next" });
  }
  return { current, next, previous };
}

/** Runs `fn` on the live keys in one transaction holding the lock; forgets the loaded set if anything changed. */
async function locked<T>(now: Date, fn: (tx: Tx, live: Live, changes: KeyChange[]) => Promise<T>): Promise<{ result: T; changes: KeyChange[] }> {
  const changes: KeyChange[] = [];
  const result = await db().$transaction(async (tx) => {
    await lock(tx);
    return fn(tx, await liveKeys(tx, now, changes), changes);
  });
  if (changes.length > 0) forgetKeys();
  return { result, changes };
}

/** Bootstraps the keys if the table is empty (first use); returns what it created. */
export async function ensureKeys(now = new Date()): Promise<KeyChange[]> {
  return (await locked(now, async () => undefined)).changes;
}

/* ------------------------------------------------------------------------------------------------
 * Transitions.
 */

async function rotateLocked(tx: Tx, live: Live, now: Date, changes: KeyChange[]): Promise<void> {
  const waits: { at: Date; why: string }[] = [];
  if (live.previous) {
    const at = retirableAt(live.previous);
    if (at > now) {
      waits.push({
        at,
        why:
          `the previous key ${short(live.previous.kid)} still has live tokens (it stopped signing at ${live.previous.deactivatedAt?.toISOString()}, ` +
          `access tokens live up to ${longestTokenSeconds()} s, plus ${KEY_SET_MAX_AGE_SECONDS} s for every instance to notice): it can retire at ${at.toISOString()}`,
      });
    }
  }
  const promotable = promotableAt(live.next);
  if (promotable > now) {
    waits.push({
      at: promotable,
      why:
        `the next key ${short(live.next.kid)} was published at ${live.next.createdAt.toISOString()} and verifiers may cache the JWKS for ` +
        `${env().JWKS_CACHE_SECONDS} s (JWKS_CACHE_SECONDS), plus ${KEY_SET_MAX_AGE_SECONDS} s for every instance to publish it: it can start signing at ${promotable.toISOString()}`,
    });
  }
  if (waits.length > 0) {
    throw new KeyRotationRefused(
      waits.map((w) => w.why),
      waits.reduce((a, w) => later(a, w.at), now),
    );
  }
  // The private part of a retired key is erased: nothing will ever be signed or verified with it.
  if (live.previous) await move(tx, live.previous, "retired", { retiredAt: now, privateJwk: "" }, changes);
  await move(tx, live.current, "previous", { deactivatedAt: now }, changes);
  await move(tx, live.next, "current", { activatedAt: now }, changes);
  const next = await insert(tx, await newKey(), "next", now);
  changes.push({ kid: next.kid, from: null, to: "next" });
}

/**
 * Rotates now: previous → retired, current → previous, next → current, and a new next key.
 * Refused with KeyRotationRefused (nothing changes) while the previous key still has live tokens
 * or the next key has not been published long enough.
 */
export async function rotateKeys({ now = new Date() }: { now?: Date } = {}): Promise<Rotation> {
  // First use bootstraps on its own, so a refused rotation does not take the bootstrap with it.
  await ensureKeys(now);
  const { changes } = await locked(now, (tx, live, changes) => rotateLocked(tx, live, now, changes));
  return { at: now, changes };
}

/** Retires the previous key once every token it signed has expired (the schedule runs it). */
export async function retireExpired(now = new Date()): Promise<KeyChange[]> {
  const { changes } = await locked(now, async (tx, live, changes) => {
    if (live.previous && retirableAt(live.previous) <= now) {
      await move(tx, live.previous, "retired", { retiredAt: now, privateJwk: "" }, changes);
    }
  });
  return changes;
}

export type ScheduledRotation = { rotated: true; changes: KeyChange[] } | { rotated: false; dueAt: Date | null };

/**
 * The schedule's rotation: rotates once the current key has signed for `days` (and both waits
 * allow it), otherwise says when it will. Decided under the lock, so instances racing for the same
 * rotation rotate once: the later one finds a current key that has just started. `null`: no schedule.
 */
export async function rotateIfDue(now = new Date(), days: number | null = env().JWT_KEY_ROTATION_DAYS ?? null): Promise<ScheduledRotation> {
  if (days === null) return { rotated: false, dueAt: null };
  const { result, changes } = await locked(now, async (tx, live, changes) => {
    const dueAt = rotationDueAt(live, days);
    if (dueAt > now) return dueAt;
    await rotateLocked(tx, live, now, changes);
    return null;
  });
  return result ? { rotated: false, dueAt: result } : { rotated: true, changes };
}

/* ------------------------------------------------------------------------------------------------
 * Loading the key set, for lib/auth/keys.ts.
 */

const info = (row: KeyRow): KeyInfo => ({
  kid: row.kid,
  state: row.state as KeyState,
  createdAt: row.createdAt,
  activatedAt: row.activatedAt,
  deactivatedAt: row.deactivatedAt,
  retiredAt: row.retiredAt,
});

/**
 * The key set from the database: the current key with its private part decrypted, the public parts
 * of next, current and previous. The next key's private part is decrypted too, though it signs
 * nothing yet: a wrong KEY_ENCRYPTION_SECRET or a damaged row shows now, not at the rotation.
 */
export async function loadFromStore(keySecret: string = secret()): Promise<KeySet> {
  const read = () => db().signingKey.findMany({ where: { state: { in: LIVE } }, orderBy: { createdAt: "asc" } });
  let rows = await read();
  if (!rows.some((r) => r.state === "current") || !rows.some((r) => r.state === "next")) {
    await ensureKeys();
    rows = await read();
  }
  const { trusted, refused } = await checkRows(rows, keySecret);
  for (const r of refused) console.error(`login-lab: signing key ${r.kid} (${r.state}) refused: ${r.reason}`);
  // Current first: a verifier that takes the first key of the JWKS gets the one that signs.
  const rank: Record<string, number> = { current: 0, next: 1, previous: 2 };
  const live = trusted.sort((a, b) => rank[a.state] - rank[b.state]);
  const currentRow = live.find((r) => r.state === "current");
  if (!currentRow) {
    const why = refused.find((r) => r.state === "current");
    throw new KeyDecryptionError(why?.kid ?? "current", why ? why.reason : "there is no current key");
  }
  const current = await keyFromJwk(decryptPrivateJwk(currentRow.privateJwk, currentRow.kid, keySecret));
  const publicKeys = await Promise.all(live.map((r) => (r === currentRow ? current.publicKey : publicKeyFromJwk(JSON.parse(r.publicJwk)))));
  return {
    source: "database",
    current,
    verifiers: new Map(live.map((r, i) => [r.kid, publicKeys[i]])),
    jwks: live.map((r) => published(JSON.parse(r.publicJwk), r.kid)),
    keys: live.map(info),
    refused,
  };
}

/**
 * Every stored key is checked before it is trusted, so that write access to the table alone
 * (an altered public key, an inserted row) cannot make a verifier accept a token:
 * - its kid is the RFC 7638 thumbprint of its public key;
 * - its private part decrypts under KEY_ENCRYPTION_SECRET, bound to that kid (AES-GCM with the
 *   kid as associated data), and is the private key of exactly that public key;
 * - one key per state: a second row in a state is refused (the oldest stays).
 * A key that fails is ignored, logged, and listed on /api/health.
 */
async function checkRows(rows: KeyRow[], keySecret: string): Promise<{ trusted: KeyRow[]; refused: RefusedKey[] }> {
  const trusted: KeyRow[] = [];
  const refused: RefusedKey[] = [];
  for (const row of rows) {
    const reason = await keyProblem(row, keySecret);
    if (reason) refused.push({ kid: row.kid, state: row.state, reason });
    else if (trusted.some((t) => t.state === row.state)) refused.push({ kid: row.kid, state: row.state, reason: `a second ${row.state} key` });
    else trusted.push(row);
  }
  return { trusted, refused };
}

async function keyProblem(row: KeyRow, keySecret: string): Promise<string | null> {
  let publicJwk: { kty?: string; crv?: string; x?: string };
  try {
    publicJwk = JSON.parse(row.publicJwk) as typeof publicJwk;
  } catch {
    return "its public key is not JSON";
  }
  if (publicJwk.kty !== "OKP" || publicJwk.crv !== "Ed25519" || typeof publicJwk.x !== "string") return "its public key is not an Ed25519 JWK";
  if ((await calculateJwkThumbprint({ kty: "OKP", crv: "Ed25519", x: publicJwk.x })) !== row.kid) return "its kid is not the thumbprint of its public key";
  let privateJwk: PrivateJwk;
  try {
    privateJwk = decryptPrivateJwk(row.privateJwk, row.kid, keySecret);
  } catch (error) {
    return error instanceof KeyDecryptionError ? error.reason : "its private part does not decrypt";
  }
  // The public key derived from the private one, not the x stored beside it.
  let derived: string | undefined;
  try {
    derived = createPublicKey(createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", x: privateJwk.x, d: privateJwk.d }, format: "jwk" })).export({ format: "jwk" }).x;
  } catch {
    return "its private part is not a usable Ed25519 key";
  }
  if (derived !== publicJwk.x) return "its private part belongs to another key";
  return null;
}

useKeyStore(() => loadFromStore());

/** Every key, retired ones included, oldest first (`npm run keys:rotate` prints them). */
export async function listKeys(): Promise<KeyInfo[]> {
  return (await db().signingKey.findMany({ orderBy: { createdAt: "asc" } })).map(info);
}

/** Loads the keys once, so that a wrong KEY_ENCRYPTION_SECRET is said at start, not at the first login. */
export async function checkSigningKeys(): Promise<KeySet> {
  return reloadKeys();
}

/* ------------------------------------------------------------------------------------------------
 * The schedule (instrumentation.ts).
 */

/** Checks every minute whether a key should retire or rotate; decides under the lock. */
const TICK_MS = 60_000;
/** Reads the key set before it gets old, so that no request waits for that read. */
const REFRESH_MS = (KEY_SET_MAX_AGE_SECONDS * 1000 * 2) / 3;

/** One run of the schedule: retire an expired previous key, rotate when JWT_KEY_ROTATION_DAYS says so. */
export async function keyRotationTick(now = new Date()): Promise<KeyChange[]> {
  const { keys } = await keySet();
  const find = (state: KeyState) => keys.find((k) => k.state === state);
  const [current, next, previous] = [find("current"), find("next"), find("previous")];
  const changes: KeyChange[] = [];
  // The loaded set says whether anything may be due (a cheap look, no lock); the locked
  // transaction decides. A previous key retired just now no longer holds the rotation back.
  const retired = previous && retirableAt(previous) <= now ? await retireExpired(now) : [];
  changes.push(...retired);
  const days = env().JWT_KEY_ROTATION_DAYS;
  if (days && current && rotationDueAt({ current, next, previous: retired.length ? undefined : previous }, days) <= now) {
    const scheduled = await rotateIfDue(now, days);
    if (scheduled.rotated) changes.push(...scheduled.changes);
  }
  return changes;
}

const summary = (changes: KeyChange[]) => changes.map((c) => `${short(c.kid)} ${c.from ?? "new"} → ${c.to}`).join(", ");
const complain = (what: string) => (error: unknown) => console.error(`login-lab: ${what}:`, error instanceof KeyDecryptionError ? error.message : error);

const globalForRotation = globalThis as unknown as { loginLabKeyRotation?: NodeJS.Timeout[] };

/**
 * With KEY_ENCRYPTION_SECRET, once per process (instrumentation.ts): loads the keys now (a wrong
 * secret is reported at start), keeps the loaded set fresh, and runs the schedule every minute.
 * Errors are logged and retried at the next tick, never thrown.
 */
export function startKeyRotation(): void {
  if (!env().KEY_ENCRYPTION_SECRET || globalForRotation.loginLabKeyRotation) return;
  checkSigningKeys().catch(complain("cannot load the signing keys"));
  const refresh = setInterval(() => reloadKeys().catch(complain("cannot read the signing keys")), REFRESH_MS);
  const tick = setInterval(
    () =>
      keyRotationTick()
        .then((changes) => changes.length > 0 && console.log(`login-lab: signing keys: ${summary(changes)}`))
        .catch(complain("signing-key rotation failed")),
    TICK_MS,
  );
  refresh.unref();
  tick.unref();
  globalForRotation.loginLabKeyRotation = [refresh, tick];
}
