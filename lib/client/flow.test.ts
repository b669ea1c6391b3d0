import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { credentialBytes, flowOf, FLOWS, latestPerStep, stepOf } from "./flow";
import type { TimelineEntry } from "./timeline";

const entry = (id: number, label: string, path: string, status: number | null = 200, credentials: TimelineEntry["credentials"] = []): TimelineEntry => ({
  id, at: id, label, method: "GET", path, status, ms: 1, code: null, credentials, received: null, timing: null,
});
/** A login by server action, as recordAction (lib/client/timeline.ts) records it: no path of its own. */
const serverActionLogin = (id: number): TimelineEntry => ({ ...entry(id, "serverActionLogin", ""), method: "POST", step: "login" });

describe("the flow diagrams", () => {
  test("each request of a panel is the step it is; lab requests are none", () => {
    assert.equal(stepOf(serverActionLogin(1)), "login");
    assert.equal(stepOf(entry(1, "", "/api/jwt/login")), "login");
    assert.equal(stepOf(entry(1, "", "/api/session/mypage")), "request");
    assert.equal(stepOf(entry(1, "", "/api/hybrid/refresh")), "refresh");
    assert.equal(stepOf(entry(1, "log out", "/api/session/logout")), "logout");
    assert.equal(stepOf(entry(1, "", "/api/hybrid/refresh/logout")), "logout");
    assert.equal(stepOf({ ...entry(1, "log out: localStorage.removeItem — nothing sent, nothing to delete on the server", ""), step: "logout" }), "logout");
    assert.equal(stepOf(entry(1, "log out", "")), null, "a label is words in the visitor's language: the step comes from the path or is recorded");
    assert.equal(stepOf(entry(1, "", "/api/session/lab/replay")), null);
    assert.equal(stepOf(entry(1, "", "/api/hybrid/refresh/family")), null);
  });

  test("the newest entry of each step lights it up, with the credential bytes that travelled", () => {
    const cookie = { kind: "cookie" as const, name: "ll_session", bytes: 321, by: "browser" as const };
    const unused = { kind: "cookie" as const, name: "ll_refresh_hint", bytes: 17, by: "browser" as const, unused: true };
    const newestFirst = [entry(4, "", "/api/session/mypage", 401, [cookie]), entry(3, "log out", "/api/session/logout"), entry(2, "", "/api/session/mypage", 200, [cookie, unused]), serverActionLogin(1)];
    const latest = latestPerStep(newestFirst);
    assert.equal(latest.request?.id, 4);
    assert.equal(latest.request?.status, 401);
    assert.equal(latest.logout?.id, 3);
    assert.equal(latest.login?.id, 1);
    assert.equal(latest.refresh, undefined);
    assert.equal(credentialBytes(newestFirst[2]), 321, "a cookie that merely came along is not counted");
  });

  test("every mode draws login, request and logout; only hybrid refreshes; only the store lane is touched where the mode stores", () => {
    for (const [mode, steps] of Object.entries(FLOWS)) {
      assert.deepEqual(steps.map((s) => s.id).filter((s) => s !== "refresh"), ["login", "request", "logout"], mode);
      assert.equal(steps.some((s) => s.id === "refresh"), mode === "hybrid");
    }
    const touchesStore = (mode: keyof typeof FLOWS, step: string) => FLOWS[mode].find((s) => s.id === step)?.arrows.some((a) => a.to === "store") ?? false;
    assert.equal(touchesStore("session", "request"), true, "a session is found in the store");
    assert.equal(touchesStore("jwt", "request"), false, "a JWT is checked with no store");
    assert.equal(touchesStore("jwt", "login"), false);
    assert.equal(touchesStore("hybrid", "refresh"), true);
  });

  test("the JWT panel's flow follows its transport: Bearer added by script, or the cookie the browser sends", () => {
    const request = (transport: "bearer" | "cookie") => flowOf("jwt", transport).find((s) => s.id === "request")?.arrows[0].message;
    assert.equal(request("bearer"), "jwtGetMypage");
    assert.equal(request("cookie"), "jwtGetMypageCookie");
    assert.equal(flowOf("jwt", "cookie").find((s) => s.id === "login")?.arrows.at(-1)?.message, "jwtSetCookie");
    assert.equal(flowOf("jwt", "cookie").some((s) => s.arrows.some((a) => a.message === "jwtTokenInBody")), false, "no token in the body");
    assert.equal(flowOf("session", "cookie"), FLOWS.session, "the transport is the JWT panel's alone");
    assert.deepEqual(flowOf("jwt", "cookie").map((s) => s.id), ["login", "request", "logout"]);
  });
});
