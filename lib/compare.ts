import "server-only";
import { unsealData } from "iron-session";
import { jwtVerify } from "jose";
import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";
import { signAccessToken, verifyAccessToken } from "./auth/access-token";
import { refreshCookie, sessionCookie } from "./auth/cookies";
import { HYBRID_AUDIENCE } from "./auth/hybrid";
import { JWT_AUDIENCE } from "./auth/jwt";
import { signingKey } from "./auth/keys";
import * as Session from "./auth/session";
import { sealToken } from "./auth/seal";
import { readSessionFromStore } from "./auth/session-store";
import { generateOpaqueToken } from "./auth/tokens";
import { db } from "./db";
import { env } from "./env";
import { type RouteStats, routeStats } from "./metrics";
import { storeView } from "./store-view";
import { type Timing, timeMicros } from "./timing";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * The measuring user: a row of its own, so that measuring never touches a visitor's account or
 * sessions. Its password hash is not a hash, so no password ever logs in as it.
 */
const PROBE = { id: "user_compare_probe", username: "compare-probe", displayName: "Compare probe" };

/** How often the compare page measures, at most; every visitor in between sees the same numbers. */
export const MEASURE_INTERVAL_MS = 60_000;

/**
 * How each micro-cost is timed (lib/timing.ts): RUNS runs, each of this many calls, the pages
 * showing the median run and the middle half of the runs. Few calls for what is never remembered
 * (a full unseal or signature check costs hundreds of µs), more for the remembered checks.
 */
export const TIMING_RUNS = 9;
const FULL = { runs: TIMING_RUNS, callsPerRun: 10, warmup: 1 };
const REMEMBERED = { runs: TIMING_RUNS, callsPerRun: 50, warmup: 50 };

/** What the figures of `npm run bench` are: printed by scripts/bench.ts, quoted in docs/performance.md and the README (rounded as the page says them: "about"). */
export type BenchFigures = {
  /** guarded ÷ baseline throughput, both through proxy.ts: the cost of the check alone (lowest and highest mode, each its median over the rounds). */
  checkRatio: { low: number; high: number };
  /** unproxied ÷ baseline throughput: how many more requests a route outside the proxy serves. */
  proxyFactor: number;
  /** What passing through the proxy costs a request, in ms of server time. */
  proxyMs: number;
};

/**
 * The last full `npm run bench` (5 rounds × 5 s per route) on the machine docs/performance.md
 * names. Not measured live: loading each route for seconds is no job for a page visit. A unit test
 * (lib/compare.test.ts) keeps docs/performance.md and the README quoting these same figures.
 */
export const BENCH: BenchFigures = { checkRatio: { low: 0.9, high: 0.98 }, proxyFactor: 1.5, proxyMs: 0.5 };

/**
 * Fewer live samples than this and the page shows no median, only how many there are: over a
 * handful of requests the median is whichever cold first sighting came first (one JWT request at
 * 2.5 ms made JWT look 15 times slower than sessions).
 */
export const MIN_LIVE_SAMPLES = 20;

/** The live `Server-Timing` auth time of one route, as the page may show it. */
export type LiveFigure =
  | { kind: "median"; p50Micros: number; samples: number; requests: number }
  | { kind: "too-few"; samples: number; requests: number };

/** A median only over at least MIN_LIVE_SAMPLES samples; always with how many there are. */
export function liveFigure(s: Pick<RouteStats, "count" | "samples" | "authMicros">): LiveFigure {
  if (!s.authMicros || s.samples < MIN_LIVE_SAMPLES) return { kind: "too-few", samples: s.samples, requests: s.count };
  return { kind: "median", p50Micros: s.authMicros.p50, samples: s.samples, requests: s.count };
}

/**
 * A sentence of the compare page built from measured numbers: a key of the `compare` messages and
 * its values. The page says it in the visitor's language; the counts go through ICU plurals there.
 */
export type CompareText = { key: MessageKeys<Messages["compare"], NestedKeyOf<Messages["compare"]>>; values: Record<string, number> };

/** What a compare cell says about a live figure (the median rounded to whole µs). */
export function liveText(f: LiveFigure): CompareText {
  if (f.kind === "too-few") return { key: "live.tooFew", values: { samples: f.samples, needed: MIN_LIVE_SAMPLES } };
  const values = { p50: Math.round(f.p50Micros), samples: f.samples, requests: f.requests };
  return { key: f.samples === f.requests ? "live.median" : "live.medianOf", values };
}

/** `0 session rows`, `1 session row of ≈212 B`, `3 session rows, ≈212 B each` (in English). */
export function rowsText(rows: number, what: "session" | "refreshToken", bytesPerRow: number): CompareText {
  return { key: `rows.${what}`, values: { rows, bytes: bytesPerRow } };
}

/**
 * `take(at)` at most once per `intervalMs`: every call in between gets the same promise, hence the
 * same object (one run in flight at a time). A failed run is forgotten, so the next call retries.
 */
export function snapshotEvery<T>(intervalMs: number, take: (at: number) => Promise<T>): (now?: number) => Promise<T> {
  let latest: { at: number; result: Promise<T> } | undefined;
  return (now = Date.now()) => {
    if (!latest || now - latest.at >= intervalMs) {
      const result = take(now);
      latest = { at: now, result };
      result.catch(() => {
        if (latest?.result === result) latest = undefined;
      });
    }
    return latest.result;
  };
}

export type Measurements = Awaited<ReturnType<typeof measure>> & {
  /** When this snapshot was taken; every figure on the page comes from it. */
  measuredAt: Date;
  /** The live per-route auth times as they were at `measuredAt`. */
  live: Record<"session" | "jwt" | "hybrid", LiveFigure>;
};

/**
 * One snapshot per process, on globalThis: the compare page and the /claims check route (T5, T9)
 * are separate bundles, and each module-level copy would measure on its own — the same cost then
 * showed two different numbers on the two pages a minute apart.
 */
const snapshotSlot = globalThis as unknown as Record<symbol, ((now?: number) => Promise<Measurements>) | undefined>;
const snapshot = (snapshotSlot[Symbol.for("login-lab.compare.snapshot")] ??= snapshotEvery<Measurements>(MEASURE_INTERVAL_MS, async (at) => {
  const stats = routeStats();
  const live = { session: liveFigure(stats.session), jwt: liveFigure(stats.jwt), hybrid: liveFigure(stats.hybrid) };
  return deepFreeze({ ...(await measure()), measuredAt: new Date(at), live });
}));

/** Shared by every render until the next snapshot: no render may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * This instance's numbers for the compare page, as one snapshot: measuring costs ~300 crypto
 * operations and one session row written and deleted, so it runs at most once per
 * MEASURE_INTERVAL_MS, shared by all visitors. The live per-route times are read when the snapshot
 * is taken, not at each render, so two renders in one interval show the same figures.
 */
export function measurements(now = Date.now()): Promise<Measurements> {
  return snapshot(now);
}

/** Made the way a login makes them: a real sealed cookie, real signed tokens, a real session check. */
async function measure() {
  // Sizes are those of the demo user alice's tokens: signed here, measured, never sent anywhere.
  const user = { id: "user_alice", username: "alice", displayName: "Alice" };
  await db().user.upsert({ where: { id: PROBE.id }, create: { ...PROBE, passwordHash: "!" }, update: {} });
  const token = generateOpaqueToken();
  const sealed = await sealToken(token);
  const jwt = (await signAccessToken(user, JWT_AUDIENCE, env().JWT_TTL_SECONDS)).token;
  const hybrid = (await signAccessToken(user, HYBRID_AUDIENCE, env().HYBRID_ACCESS_TTL_SECONDS, { sid: crypto.randomUUID() })).token;
  // Every cost timed the same way, lib/timing.ts: the median of TIMING_RUNS runs, with their spread.
  // What the first sight of a credential costs, before anything is remembered: a full unseal, a
  // full signature check.
  const key = (await signingKey()).publicKey;
  // And what the check costs once the credential is known, on a real session and token.
  const probe = await Session.login(PROBE, { userAgent: "Login Lab compare page (measuring, deleted at once)", ip: "127.0.0.1" });
  let sessionCheck: Timing;
  let sessionRead: Timing;
  try {
    sessionCheck = await timeMicros(() => Session.authenticate(probe.cookieValue), REMEMBERED);
    sessionRead = await timeMicros(() => readSessionFromStore(probe.session.id), REMEMBERED);
  } finally {
    await Session.logout(probe.cookieValue);
  }
  /** µs per call, each the median of TIMING_RUNS runs with their spread. */
  const costs = {
    unseal: await timeMicros(() => unsealData(sealed, { password: env().SESSION_SECRET }), FULL),
    eddsaVerify: await timeMicros(() => jwtVerify(jwt, key, { algorithms: ["EdDSA"] }), FULL),
    sessionCheck,
    /** The store read a check needs when the row is not in this instance's memory. */
    sessionRead,
    jwtCheck: await timeMicros(() => verifyAccessToken(jwt, JWT_AUDIENCE), REMEMBERED),
  };
  return {
    /**
     * Bytes, each named after what it counts: the token itself; the `Authorization` value
     * (`Bearer …`); a cookie with its name (`name=value`, as it goes in the Cookie header).
     */
    sizes: {
      sessionId: bytes(token),
      sessionCookie: bytes(`${sessionCookie().name}=${sealed}`),
      jwtToken: bytes(jwt),
      jwtHeader: bytes(`Bearer ${jwt}`),
      hybridHeader: bytes(`Bearer ${hybrid}`),
      refreshCookie: bytes(`${refreshCookie().name}=${token}`),
    },
    cookieNames: { session: sessionCookie().name, refresh: refreshCookie().name },
    ttl: { jwt: env().JWT_TTL_SECONDS, hybridAccess: env().HYBRID_ACCESS_TTL_SECONDS, sessionIdle: env().SESSION_IDLE_TTL_SECONDS },
    store: await storeView(),
    costs,
  };
}
