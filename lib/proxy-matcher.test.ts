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

test("a page asked for as a prefetch passes through proxy.ts too (its CSP, its guard): no header skips it", () => {
  for (const headers of [{ purpose: "prefetch" }, { "next-router-prefetch": "1" }, { "sec-purpose": "prefetch" }]) {
    for (const p of ["/", "/compare", "/session/mypage", "/lab/xss"]) assert.equal(runsFor(p, { headers } as never, {}), true, `${p} ${JSON.stringify(headers)}`);
  }
});

test("the benchmark's two yardsticks: the baseline passes through proxy.ts like the guarded routes, the unproxied one does not", () => {
  for (const p of ["/api/session/mypage", "/api/jwt/mypage", "/api/hybrid/mypage", "/api/baseline/mypage", "/", "/compare"]) assert.equal(proxied(p), true, p);
  for (const p of ["/api/baseline/unproxied", "/.well-known/jwks.json", "/api/store"]) assert.equal(proxied(p), false, p);
});
