import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FailureLimiter } from "./rate-limit";

const MINUTE = 60_000;

describe("failure limiter", () => {
  test("reserves before the check: the slot past max is refused with the seconds left", () => {
    const l = new FailureLimiter(() => 3, () => MINUTE);
    const t = 1_000_000;
    assert.deepEqual([l.reserve("k", t), l.reserve("k", t), l.reserve("k", t)], [0, 0, 0]);
    assert.equal(l.reserve("k", t + 1000), 59);
    l.release("k");
    assert.equal(l.reserve("k", t + 1000), 0, "a released slot can be taken again");
    assert.equal(l.reserve("k", t + MINUTE), 0, "a new window after the old one ends");
  });

  test("bounded: fresh keys never evict a live block; a full table of blocks refuses new keys", () => {
    const l = new FailureLimiter(() => 2, () => MINUTE, 100);
    const t = 5_000_000;
    l.reserve("victim", t);
    l.reserve("victim", t);
    assert.ok(l.blockedFor("victim", t) > 0);
    for (let i = 0; i < 10_000; i++) l.reserve(`spoofed-${i}`, t + 1);
    assert.ok(l.size <= 100);
    assert.ok(l.blockedFor("victim", t + 2) > 0, "the block survived 10,000 fresh keys");

    const full = new FailureLimiter(() => 1, () => MINUTE, 10);
    for (let i = 0; i < 10; i++) full.reserve(`b${i}`, t);
    assert.ok(full.reserve("new", t + 1000) > 0, "no room without dropping a block");
    assert.equal(full.reserve("new", t + MINUTE), 0, "room again once the blocks end");
  });
});
