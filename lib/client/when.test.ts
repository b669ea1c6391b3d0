import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { relativeText, whenText } from "./when";

describe("whenText: one readable form for every date", () => {
  const now = new Date(2026, 10, 28, 14, 0, 0).getTime();
  test("local time of day and how far from now", () => {
    assert.match(whenText(now - 3 * 60_000, now, "en-GB"), /^13:57:00 \(3 minutes ago\)$/);
    assert.match(whenText(now + 14 * 60_000, now, "en-GB"), /^14:14:00 \(in 14 minutes\)$/);
    assert.equal(relativeText(now, now), "now");
    assert.equal(relativeText(now + 2 * 3600_000, now), "in 2 hours");
  });
  test("the date comes first when it is not today", () => {
    assert.match(whenText(now + 3 * 86_400_000, now, "en-GB"), /^1 Dec 2026 14:00:00 \(in 3 days\)$/);
  });
  test("never an ISO string", () => {
    assert.doesNotMatch(whenText(now, now), /T\d\d:\d\d|Z\b/);
  });
});
