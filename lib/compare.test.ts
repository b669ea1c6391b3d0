import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
// next-intl's own entry needs Next's runtime under the react-server condition; its translator is use-intl's.
import { createTranslator } from "use-intl/core";
import en from "../messages/en.json" with { type: "json" };
import ko from "../messages/ko.json" with { type: "json" };
import { checkClaim } from "./claims";
import { BENCH, type CompareText, liveFigure, liveText, MEASURE_INTERVAL_MS, measurements, MIN_LIVE_SAMPLES, rowsText, snapshotEvery, TIMING_RUNS } from "./compare";
import { db } from "./db";
import { recordAuth } from "./metrics";
import { timingValues } from "./timing";

describe("compare page measurements", () => {
  test("measured at most once per interval, shared by concurrent visitors, touching no real user and leaving no row", async () => {
    const t0 = Date.now();
    const before = await db().session.count();
    const aliceBefore = await db().session.count({ where: { userId: "user_alice" } });
    const [a, b] = await Promise.all([measurements(t0), measurements(t0 + 10)]);
    assert.equal(a.measuredAt.getTime(), t0);
    assert.equal(b.measuredAt.getTime(), t0, "the second visitor got the same run");
    assert.equal((await measurements(t0 + MEASURE_INTERVAL_MS - 1)).measuredAt.getTime(), t0);
    assert.equal(await db().session.count(), before, "the measuring session is gone");
    assert.equal(await db().session.count({ where: { userId: "user_alice" } }), aliceBefore);
    assert.ok(a.costs.sessionCheck.median > 0 && a.sizes.sessionCookie > 100);
    const later = await measurements(t0 + MEASURE_INTERVAL_MS);
    assert.equal(later.measuredAt.getTime(), t0 + MEASURE_INTERVAL_MS, "measured again once the interval passed");
  });

  test("the live figures are a snapshot: requests served between two renders change nothing until the next measurement", async () => {
    // Far past the previous test's last measurement, so this one starts a snapshot of its own.
    const t = Date.now() + 10 * MEASURE_INTERVAL_MS;
    const first = await measurements(t);
    assert.deepEqual(first.live.jwt, { kind: "too-few", samples: 0, requests: 0 });
    const trace = { authMs: 0.015, dbMs: 0, queries: 0, cached: 0, checks: { full: 0, remembered: 1 } };
    recordAuth("jwt", { ...trace, authMs: 2.508 }); // one cold first sighting…
    for (let i = 1; i < MIN_LIVE_SAMPLES + 5; i++) recordAuth("jwt", trace); // …then remembered checks

    const second = await measurements(t + MEASURE_INTERVAL_MS - 1);
    assert.equal(second, first, "the same snapshot object, not a fresh read");
    assert.deepEqual(second.live.jwt, { kind: "too-few", samples: 0, requests: 0 });
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.live.jwt) && Object.isFrozen(first.costs), "no render can change it for the others");

    const next = await measurements(t + MEASURE_INTERVAL_MS);
    assert.equal(next.measuredAt.getTime(), t + MEASURE_INTERVAL_MS);
    assert.equal(next.live.jwt.kind, "median");
    assert.equal(next.live.jwt.samples, MIN_LIVE_SAMPLES + 5);
    assert.ok(next.live.jwt.kind === "median" && Math.abs(next.live.jwt.p50Micros - 15) < 1e-6, "the median, not the cold first sample");
  });
});

describe("snapshotEvery", () => {
  test("one take per interval, the same result in between, a failed take retried at the next call", async () => {
    let takes = 0;
    let fail = false;
    const snap = snapshotEvery(1000, async (at) => {
      takes += 1;
      if (fail) throw new Error("store down");
      return { at, value: Math.random() };
    });
    const a = await snap(5000);
    assert.equal(await snap(5999), a);
    assert.equal(await snap(5500), a);
    assert.equal(takes, 1);
    const b = await snap(6000);
    assert.notEqual(b, a);
    assert.equal(b.at, 6000);
    assert.equal(takes, 2);

    fail = true;
    await assert.rejects(snap(7000), /store down/);
    fail = false;
    const c = await snap(7001);
    assert.equal(c.at, 7001, "a failed run is not kept for the rest of its interval");
    assert.equal(takes, 4);
  });
});

describe("what the compare page says", () => {
  const stats = (count: number, p50 = 100) => ({ count, samples: Math.min(count, 2048), authMicros: count ? { p50, p99: p50, mean: p50 } : null });
  const english = createTranslator({ locale: "en", messages: en, namespace: "compare" });
  const korean = createTranslator({ locale: "ko", messages: ko, namespace: "compare" });
  /** The sentence as the page shows it to an English visitor. */
  const say = (text: CompareText) => english(text.key, text.values);

  test(`no median over fewer than ${MIN_LIVE_SAMPLES} samples, and always how many there are`, () => {
    assert.equal(MIN_LIVE_SAMPLES, 20);
    assert.deepEqual(liveFigure(stats(0)), { kind: "too-few", samples: 0, requests: 0 });
    assert.deepEqual(liveFigure(stats(1, 2508)), { kind: "too-few", samples: 1, requests: 1 });
    assert.deepEqual(liveFigure(stats(MIN_LIVE_SAMPLES - 1)), { kind: "too-few", samples: 19, requests: 19 });
    assert.deepEqual(liveFigure(stats(MIN_LIVE_SAMPLES)), { kind: "median", p50Micros: 100, samples: 20, requests: 20 });

    assert.equal(say(liveText(liveFigure(stats(0)))), "live requests: too few samples yet for a median (0 so far, 20 needed)");
    const one = liveText(liveFigure(stats(1, 2508)));
    assert.equal(say(one), "live requests: too few samples yet for a median (1 so far, 20 needed)");
    assert.doesNotMatch(say(one), /2508|median \d/);
    assert.deepEqual(one.values, { samples: 1, needed: 20 }, "no time to show, only the count");
    assert.equal(say(liveText(liveFigure(stats(20, 95.4)))), "live requests: median 95 µs over 20 samples");
    assert.equal(say(liveText(liveFigure(stats(5000, 95.4)))), "live requests: median 95 µs over the last 2,048 samples of 5,000 requests");
    assert.equal(korean("live.medianOf", liveText(liveFigure(stats(5000, 95.6))).values), "실시간 요청: 요청 5,000개 중 최근 표본 2,048개의 중앙값 96 µs");
  });

  test("counts are grammatical: 1 row, 2 rows", () => {
    assert.equal(say(rowsText(0, "session", 0)), "0 session rows");
    assert.equal(say(rowsText(1, "session", 212)), "1 session row of ≈212 B");
    assert.equal(say(rowsText(2, "refreshToken", 301)), "2 refresh-token rows, ≈301 B each");
    assert.equal(say(rowsText(1234, "session", 212)), "1,234 session rows, ≈212 B each");
    assert.equal(say(liveText({ kind: "median", p50Micros: 12, samples: 1, requests: 1 })), "live requests: median 12 µs over 1 sample");
    assert.equal(say(liveText({ kind: "median", p50Micros: 12, samples: 1, requests: 2 })), "live requests: median 12 µs over the last 1 sample of 2 requests");
    assert.equal(say(liveText({ kind: "median", p50Micros: 12, samples: 1234, requests: 1234 })), "live requests: median 12 µs over 1,234 samples");
    assert.equal(korean("rows.refreshToken", rowsText(1, "refreshToken", 301).values), "리프레시 토큰 행 1개, ≈301 B");
  });
});

describe("the micro-costs: one way of timing them, the same figures on /compare and /claims", () => {
  test("every cost is the median of TIMING_RUNS runs with the spread of the runs, and T5 quotes that very measurement", async () => {
    const m = await measurements();
    for (const [name, t] of Object.entries(m.costs)) {
      assert.equal(t.runs, TIMING_RUNS, name);
      assert.ok(t.min <= t.p25 && t.p25 <= t.median && t.median <= t.p75 && t.p75 <= t.max && t.min > 0, `${name}: ${JSON.stringify(t)}`);
    }
    const r = await checkClaim("T5");
    const c = m.costs;
    assert.deepEqual(r.evidence[0].values, { runs: TIMING_RUNS, ...timingValues("unseal", c.unseal), ...timingValues("verify", c.eddsaVerify), ...timingValues("read", c.sessionRead) });
    assert.deepEqual(r.evidence[1].values, { ...timingValues("session", c.sessionCheck), ...timingValues("jwt", c.jwtCheck) });
    const claims = createTranslator({ locale: "en", messages: en, namespace: "claims" });
    const said = claims.markup("T5.crypto", { ...(r.evidence[0].values as Record<string, number>), code: (s) => s });
    assert.match(said, /^Measured here, each the median of 9 runs with the middle half of the runs in parentheses: unsealing a session cookie costs [\d,]+ µs \([\d,]+–[\d,]+\),/);
    assert.match(said, /taken afresh at most once a minute, on a shared machine/);
  });

  test("each size is what its name says: the Authorization value is `Bearer ` and the token itself", async () => {
    const { sizes, cookieNames } = await measurements();
    assert.equal(sizes.jwtHeader - sizes.jwtToken, Buffer.byteLength("Bearer "));
    assert.ok(sizes.sessionCookie > cookieNames.session.length + 1 + sizes.sessionId, "the cookie, counted with its name, holds the id sealed");
  });
});

describe("the throughput yardsticks the page quotes", () => {
  const two = (n: number) => n.toFixed(2);
  test("docs/performance.md and the README quote the figures /compare shows (BENCH), both yardsticks", () => {
    const performance = readFileSync("docs/performance.md", "utf8");
    const readme = readFileSync("README.md", "utf8");
    const checkRange = `${two(BENCH.checkRatio.low)}–${two(BENCH.checkRatio.high)}`;
    for (const [name, text] of [["docs/performance.md", performance], ["README.md", readme]] as const) {
      assert.ok(text.includes(checkRange), `${name} quotes guarded ÷ baseline ${checkRange}`);
      assert.ok(text.includes(`${BENCH.proxyFactor.toFixed(1)}×`), `${name} quotes the unproxied route's ${BENCH.proxyFactor}×`);
      assert.ok(text.includes(`${BENCH.proxyMs} ms`), `${name} quotes the proxy's ${BENCH.proxyMs} ms a request`);
    }
    assert.ok(BENCH.checkRatio.low <= BENCH.checkRatio.high && BENCH.proxyFactor > 1 && BENCH.proxyMs > 0);
  });
});
