import assert from "node:assert/strict";
import { test } from "node:test";
// Next.js's own reading of a proxy's `config.matcher`, as the build compiles it (exported, not typed).
import * as staticInfo from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { config } from "../proxy";

type Matchers = Parameters<typeof getMiddlewareRouteMatcher>[0];
const { getMiddlewareMatchers } = staticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => Matchers };
const runsFor = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
const proxied = (pathname: string) => runsFor(pathname, { headers: {} } as never, {});

test("a browser's prefetch of a page passes through proxy.ts (it may become the document: its CSP); the router's RSC prefetches do not", () => {
  for (const headers of [{ purpose: "prefetch" }, { "sec-purpose": "prefetch" }]) {
    for (const p of ["/", "/compare", "/session/mypage", "/lab/xss"]) assert.equal(runsFor(p, { headers } as never, {}), true, `${p} ${JSON.stringify(headers)}`);
  }
  assert.equal(runsFor("/lab/xss", { headers: { "next-router-prefetch": "1" } } as never, {}), false);
});

test("the benchmark's two yardsticks: the baseline passes through proxy.ts like the guarded routes, the unproxied one does not", () => {
  for (const p of ["/api/session/mypage", "/api/jwt/mypage", "/api/hybrid/mypage", "/api/baseline/mypage", "/", "/compare"]) assert.equal(proxied(p), true, p);
  for (const p of ["/api/baseline/unproxied", "/.well-known/jwks.json", "/api/store"]) assert.equal(proxied(p), false, p);
});
