import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { summarize, timeMicros, timingValues } from "./timing";

describe("timing: the one way the pages time a micro-cost", () => {
  test("the median run and the middle half of the runs, not one run's figure", () => {
    // One run hit by a collection (900 µs) moves neither the median nor the middle half.
    const t = summarize([105, 98, 900, 101, 99, 103, 100, 102, 97], 10);
    assert.deepEqual(t, { median: 101, p25: 99, p75: 103, min: 97, max: 900, runs: 9, callsPerRun: 10 });
    assert.deepEqual(summarize([4, 2], 1), { median: 3, p25: 2.5, p75: 3.5, min: 2, max: 4, runs: 2, callsPerRun: 1 });
    assert.throws(() => summarize([], 1), /no runs/);
  });

  test("timeMicros: warm-up calls untimed, then runs × calls, µs per call from the clock it is given", async () => {
    let clock = 0;
    let calls = 0;
    const costs = [5, 5, 7, 5, 6]; // ms per call in each run
    const fn = () => {
      calls += 1;
      if (calls > 3) clock += costs[Math.floor((calls - 4) / 2)];
    };
    const t = await timeMicros(fn, {
      runs: 5,
      callsPerRun: 2,
      warmup: 3,
      // The clock moves only with the calls.
      now: () => clock,
    });
    assert.equal(calls, 3 + 5 * 2);
    assert.deepEqual([t.min, t.p25, t.median, t.p75, t.max], [5000, 5000, 5000, 6000, 7000]);
    assert.equal(t.runs, 5);
  });

  test("timingValues: a message's median and spread under one name", () => {
    const t = summarize([1, 2, 3, 4, 5], 1);
    assert.deepEqual(timingValues("unseal", t), { unseal: 3, unsealLow: 2, unsealHigh: 4 });
  });
});
