import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { relativeText, whenText } from "./when";

describe("whenText: one readable form for every date", () => {
  const now = new Date(2026, 10, 28, 14, 0, 0).getTime();
  test("local time of day and how far from now", () => {
    assert.match(whenText(now - 3 * 60_000, now, "en-GB"), /^13:57:00 \(3 minutes ago\)$/);
    assert.match(whenText(now + 14 * 60_000, now, "en-GB"), /^14:14:00 \(in 14 minutes\)$/);
    assert.match(whenText(now - 11 * 3600_000, now, "en"), /^3:00:00\sAM \(11 hours ago\)$/);
    assert.equal(relativeText(now, now, "en"), "now");
    assert.equal(relativeText(now + 2 * 3600_000, now, "en"), "in 2 hours");
  });
  test("the date comes first when it is not today", () => {
    assert.match(whenText(now + 3 * 86_400_000, now, "en-GB"), /^1 Dec 2026 14:00:00 \(in 3 days\)$/);
  });
  test("in Korean, time and distance read in Korean", () => {
    // The day period is 오후 in browsers; some ICU versions (Node's) write PM.
    // The hour without a leading zero: 오후 1:57:00, never 오후 01:57:00.
    assert.match(whenText(now - 3 * 60_000, now, "ko"), /^(오후|PM) 1:57:00 \(3분 전\)$/);
    assert.match(whenText(now + 3 * 86_400_000, now, "ko"), /^2026년 12월 1일 (오후|PM) 2:00:00 \(3일 후\)$/);
    assert.match(whenText(now - 11 * 3600_000, now, "ko"), /^(오전|AM) 3:00:00 \(11시간 전\)$/);
    assert.equal(relativeText(now, now, "ko"), "지금");
  });
  test("never an ISO string", () => {
    assert.doesNotMatch(whenText(now, now, "en"), /T\d\d:\d\d|Z\b/);
    assert.doesNotMatch(whenText(now, now, "ko"), /T\d\d:\d\d|Z\b/);
  });
});
