import assert from "node:assert/strict";
import { test } from "node:test";
import { enqueueLogin, releaseLogin, treeApplied } from "./login-queue";

test("logins run one at a time; one that set a cookie holds the next until the re-rendered page arrives", () => {
  const ran: string[] = [];
  enqueueLogin("session", () => ran.push("session"));
  enqueueLogin("jwt", () => ran.push("jwt"));
  enqueueLogin("jwt", () => ran.push("jwt again")); // queued once only
  enqueueLogin("hybrid", () => ran.push("hybrid"));
  assert.deepEqual(ran, ["session"]);

  releaseLogin("session", { awaitTree: true }); // its answer is in; its page is not applied yet
  assert.deepEqual(ran, ["session"]);
  treeApplied();
  assert.deepEqual(ran, ["session", "jwt"]);

  releaseLogin("hybrid"); // a queued panel that goes away (unmounted) leaves the queue
  releaseLogin("jwt"); // no cookie set: nothing to wait for
  assert.deepEqual(ran, ["session", "jwt"]);
  enqueueLogin("hybrid", () => ran.push("hybrid"));
  assert.deepEqual(ran, ["session", "jwt", "hybrid"]);
  releaseLogin("hybrid");
  treeApplied(); // nothing waits: no effect
  assert.deepEqual(ran, ["session", "jwt", "hybrid"]);
});
