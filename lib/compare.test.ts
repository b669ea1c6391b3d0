import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "./db";
import { MEASURE_INTERVAL_MS, measurements } from "./compare";

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
    assert.ok(a.costs.sessionCheckMicros > 0 && a.sizes.sessionCookie > 100);
    const later = await measurements(t0 + MEASURE_INTERVAL_MS);
    assert.equal(later.measuredAt.getTime(), t0 + MEASURE_INTERVAL_MS, "measured again once the interval passed");
  });
});
