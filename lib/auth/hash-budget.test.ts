import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BusyError, HashBudget } from "./hash-budget";

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("the hash budget", () => {
  test("at most `slots` run at once; the others wait their turn, first come first served", async () => {
    const budget = new HashBudget(() => 2, () => 10, () => 5_000);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        budget.run(async () => {
          running += 1;
          most = Math.max(most, running);
          order.push(i);
          await later(20);
          running -= 1;
        }),
      ),
    );
    assert.equal(most, 2);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5]);
    assert.equal(budget.inFlight, 0);
  });

  test("a full queue refuses at once; a wait past the deadline is refused; neither leaks a slot", async () => {
    const budget = new HashBudget(() => 1, () => 1, () => 300);
    let free!: () => void;
    const held = budget.run(() => new Promise<void>((resolve) => (free = resolve)));
    const waiting = budget.run(async () => "ran");
    // Refused before the one in the queue reaches its deadline: no wait of its own.
    const first = await Promise.race([
      budget.run(async () => "never").then(
        () => "ran",
        (e: unknown) => (e instanceof BusyError && e.retryAfterSeconds === 1 ? "refused" : String(e)),
      ),
      waiting.then(
        () => "queue ran",
        () => "queue timed out first",
      ),
    ]);
    assert.equal(first, "refused", "refused at once, not after a wait");
    await assert.rejects(waiting, BusyError, "waited past its deadline");
    free();
    await held;
    assert.equal(budget.inFlight, 0);
    assert.equal(await budget.run(async () => "after"), "after");
  });

  test("a failing hash frees its slot", async () => {
    const budget = new HashBudget(() => 1, () => 0, () => 100);
    await assert.rejects(budget.run(async () => Promise.reject(new Error("boom"))), /boom/);
    assert.equal(await budget.run(async () => 1), 1);
  });
});
