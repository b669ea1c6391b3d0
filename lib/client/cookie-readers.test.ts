import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { COOKIE_READERS, readsCookie } from "./cookie-readers";

/** Every route handler's URL path and source text. */
const routes = readdirSync("app/api", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith("route.ts"))
  .map((f) => ({ path: `/api/${f.replace(/\/?route\.ts$/, "")}`, source: readFileSync(`app/api/${f}`, "utf8") }));

/**
 * A handler that takes the cookie from the request itself, or through lib/dal's sessionOf or the
 * store view's ownersOf. Handlers that read it further away (a logout through next/headers) are
 * not found here, so this checks one direction only: what is found must be listed.
 */
const readsItself = (source: string, policy: "sessionCookie" | "refreshCookie" | "jwtCookie") =>
  (source.includes(`${policy}(`) && source.includes("req.cookies.get(")) ||
  (policy === "sessionCookie" && /\b(sessionOf|ownersOf)\(/.test(source)) ||
  (policy === "jwtCookie" && (/\b(jwtOf|ownersOf)\(/.test(source) || (source.includes('"@/app/jwt/login"') && /\blogOut\(/.test(source))));

describe("COOKIE_READERS", () => {
  test("lists every route whose handler takes the session, refresh or JWT cookie from the request", () => {
    for (const [kind, policy] of [["session", "sessionCookie"], ["refresh", "refreshCookie"], ["jwt", "jwtCookie"]] as const) {
      const unlisted = routes.filter((r) => readsItself(r.source, policy) && !COOKIE_READERS[kind].includes(r.path)).map((r) => r.path);
      assert.deepEqual(unlisted, [], `routes that read the ${kind} cookie but are not in COOKIE_READERS.${kind}`);
    }
  });

  test("lists only routes that exist", () => {
    const paths = new Set(routes.map((r) => r.path));
    assert.deepEqual([...COOKIE_READERS.session, ...COOKIE_READERS.refresh, ...COOKIE_READERS.jwt].filter((p) => !paths.has(p)), []);
  });
});

describe("readsCookie", () => {
  test("knows both names of each cookie (plain http and __Host-/__Secure-)", () => {
    assert.equal(readsCookie("/api/session/mypage", "ll_session"), true);
    assert.equal(readsCookie("/api/session/mypage", "__Host-ll_session"), true);
    assert.equal(readsCookie("/api/hybrid/refresh/family", "__Secure-ll_refresh"), true);
    assert.equal(readsCookie("/api/jwt/mypage", "__Host-ll_jwt"), true);
    assert.equal(readsCookie("/api/session/mypage", "ll_jwt"), false);
  });

  test("a cookie that merely matched its Path is not read", () => {
    assert.equal(readsCookie("/api/session/lab/replay", "ll_session"), false, "the replay lab reads its capture from the body");
    assert.equal(readsCookie("/api/session/login", "ll_session"), false);
    assert.equal(readsCookie("/api/hybrid/mypage", "ll_refresh"), false);
    assert.equal(readsCookie("/api/hybrid/mypage", "ll_session"), false);
    assert.equal(readsCookie("/api/lab/inbox", "ll_lab"), false);
  });

  test("ignores a query string", () => {
    assert.equal(readsCookie("/api/hybrid/refresh?x=1", "ll_refresh"), true);
  });
});
