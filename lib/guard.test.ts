import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { signAccessToken } from "./auth/access-token";
import { jwtCookie, sessionCookie } from "./auth/cookies";
import * as Hybrid from "./auth/hybrid";
import * as Jwt from "./auth/jwt";
import * as Session from "./auth/session";
import { env } from "./env";
import { guard, type GuardRequest, refusal, type Verdict } from "./guard";
import { bearerFailure } from "./http";
import { JWT_TRANSPORT_COOKIE } from "./jwt-transport";

const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
const meta = { userAgent: "unit-test", ip: "127.0.0.1" };
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** A request to `pathname` carrying these cookies and headers. */
function req(pathname: string, cookies: Record<string, string> = {}, headers: Record<string, string> = {}): GuardRequest {
  const h = new Headers(headers);
  return { pathname, cookie: (name) => cookies[name], header: (name) => h.get(name) };
}

/** A verdict in one word: pass, redirect:<code> or refuse:<code>. */
async function decide(r: GuardRequest, now?: Date): Promise<string> {
  const v: Verdict = await guard(r, now);
  return v.action === "pass" ? "pass" : v.action === "redirect" ? `redirect:${v.code}` : `refuse:${v.failure.code}`;
}

function flip(value: string, at = Math.floor(value.length / 2)): string {
  return value.slice(0, at) + (value[at] === "A" ? "B" : "A") + value.slice(at + 1);
}

describe("guard: the proxy's decision per path", async () => {
  const S = sessionCookie().name;
  const J = jwtCookie().name;
  const session = (await Session.login(alice, meta)).cookieValue;
  const jwt = (await Jwt.login(alice, meta)).accessToken;
  const hybrid = (await Hybrid.login(alice, meta)).accessToken;

  test("/session/mypage: the session cookie's seal, or back to the panel with the reason", async () => {
    assert.equal(await decide(req("/session/mypage")), "redirect:session_missing");
    assert.equal(await decide(req("/session/mypage", { [S]: "garbage~2" })), "redirect:session_invalid");
    assert.equal(await decide(req("/session/mypage", { [S]: session })), "pass");
    assert.equal(await decide(req("/session/mypage", { [S]: session }), later(env().SESSION_ABSOLUTE_TTL_SECONDS + 1)), "redirect:session_expired");
    // A JWT cookie is no session.
    assert.equal(await decide(req("/session/mypage", { [J]: jwt })), "redirect:session_missing");
    const v = await guard(req("/session/mypage"));
    assert.equal(v.action === "redirect" && v.location, "/?next=%2Fsession%2Fmypage&reason=session_missing&by=guard#session");
  });

  test("/jwt/mypage: the JWT cookie is verified statelessly; without one, only the cookie transport is refused", async () => {
    assert.equal(await decide(req("/jwt/mypage")), "pass", "localStorage transport: no page request carries the token");
    assert.equal(await decide(req("/jwt/mypage", { [JWT_TRANSPORT_COOKIE]: "bearer" })), "pass");
    assert.equal(await decide(req("/jwt/mypage", { [JWT_TRANSPORT_COOKIE]: "cookie" })), "redirect:token_missing");
    assert.equal(await decide(req("/jwt/mypage", { [J]: jwt })), "pass");
    assert.equal(await decide(req("/jwt/mypage", { [J]: flip(jwt, jwt.lastIndexOf(".") + 5) })), "redirect:jwt_cookie_invalid");
    assert.equal(await decide(req("/jwt/mypage", { [J]: jwt }), later(env().JWT_TTL_SECONDS + 1)), "redirect:jwt_cookie_expired");
    // Neither a session seal nor a hybrid-audience token is a JWT-mode cookie.
    assert.equal(await decide(req("/jwt/mypage", { [J]: session })), "redirect:jwt_cookie_invalid");
    assert.equal(await decide(req("/jwt/mypage", { [J]: hybrid })), "redirect:jwt_cookie_invalid");
    // Nor is the session cookie a JWT, whatever the transport.
    assert.equal(await decide(req("/jwt/mypage", { [S]: session, [JWT_TRANSPORT_COOKIE]: "cookie" })), "redirect:token_missing");
  });

  test("/hybrid/mypage passes: its access token lives in page memory and no navigation carries it", async () => {
    assert.equal(await decide(req("/hybrid/mypage")), "pass");
    assert.equal(await decide(req("/hybrid/mypage", { [J]: "garbage" })), "pass");
  });

  test("GET /api/session/mypage: the route's own refusal, before it runs", async () => {
    assert.equal(await decide(req("/api/session/mypage")), "refuse:session_missing");
    assert.equal(await decide(req("/api/session/mypage", { [S]: flip(session) })), "refuse:session_invalid");
    assert.equal(await decide(req("/api/session/mypage", { [S]: session })), "pass");
    assert.equal(await decide(req("/api/session/mypage", { [J]: jwt }, { authorization: `Bearer ${jwt}` })), "refuse:session_missing");
  });

  test("GET /api/jwt/mypage: the Bearer header, else the JWT cookie — each with its own codes", async () => {
    assert.equal(await decide(req("/api/jwt/mypage")), "refuse:token_missing");
    assert.equal(await decide(req("/api/jwt/mypage", {}, { authorization: `Bearer ${jwt}` })), "pass");
    assert.equal(await decide(req("/api/jwt/mypage", { [J]: jwt })), "pass");
    assert.equal(await decide(req("/api/jwt/mypage", {}, { authorization: "Basic abc" })), "refuse:token_malformed");
    assert.equal(await decide(req("/api/jwt/mypage", { [J]: "not a token" })), "refuse:jwt_cookie_invalid");
    assert.equal(await decide(req("/api/jwt/mypage", {}, { authorization: `Bearer ${hybrid}` })), "refuse:token_claim_invalid");
    assert.equal(await decide(req("/api/jwt/mypage", { [J]: jwt }), later(env().JWT_TTL_SECONDS + 1)), "refuse:jwt_cookie_expired");
    assert.equal(await decide(req("/api/jwt/mypage", {}, { authorization: `Bearer ${jwt}` }), later(env().JWT_TTL_SECONDS + 1)), "refuse:token_expired");
    // An explicit header is judged alone: a valid cookie does not rescue a bad header.
    assert.equal(await decide(req("/api/jwt/mypage", { [J]: jwt }, { authorization: "Bearer x.y.z" })), "refuse:token_malformed");
    assert.equal(await decide(req("/api/jwt/mypage", { [S]: session })), "refuse:token_missing", "the session cookie is never a JWT");
  });

  test("GET /api/hybrid/mypage: only a hybrid-audience Bearer token; never the JWT cookie", async () => {
    assert.equal(await decide(req("/api/hybrid/mypage")), "refuse:token_missing");
    assert.equal(await decide(req("/api/hybrid/mypage", {}, { authorization: `Bearer ${hybrid}` })), "pass");
    assert.equal(await decide(req("/api/hybrid/mypage", { [J]: jwt })), "refuse:token_missing");
    assert.equal(await decide(req("/api/hybrid/mypage", {}, { authorization: `Bearer ${jwt}` })), "refuse:token_claim_invalid");
  });

  test("the guard is stateless: a deny-listed or revoked credential passes it, and the route refuses it", async () => {
    const revocable = (await Jwt.login(alice, meta, { revocable: true })).accessToken;
    await Jwt.logout({ cookie: revocable });
    assert.equal(await decide(req("/api/jwt/mypage", { [J]: revocable })), "pass");
    assert.equal((await Jwt.authenticate({ cookie: revocable })).ok === false && "refused", "refused");
    const loggedOut = (await Session.login(alice, meta)).cookieValue;
    await Session.logout(loggedOut);
    assert.equal(await decide(req("/api/session/mypage", { [S]: loggedOut })), "pass");
  });

  test("every other path passes untouched", async () => {
    for (const p of ["/", "/compare", "/api/store", "/api/jwt/login", "/api/jwt/logout", "/api/session/devices", "/api/baseline/mypage", "/session/mypage/x"]) {
      assert.equal(await decide(req(p)), "pass", p);
    }
  });

  test("a refusal is the route's own 401 — status, body, WWW-Authenticate — marked as the guard's", async () => {
    const forged = await signAccessToken(alice, "login-lab:jwt", 60, {}, later(-3600));
    const v = await guard(req("/api/jwt/mypage", {}, { authorization: `Bearer ${forged.token}` }));
    assert.equal(v.action, "refuse");
    if (v.action !== "refuse") return;
    const guardRes = refusal(v, new Headers({ authorization: `Bearer ${forged.token}` }), 0.05);
    const routeRes = bearerFailure((await Jwt.authenticate({ authorization: `Bearer ${forged.token}` })) as never);
    assert.equal(guardRes.status, 401);
    assert.equal(guardRes.status, routeRes.status);
    assert.deepEqual(await guardRes.json(), await routeRes.json());
    assert.equal(guardRes.headers.get("www-authenticate"), routeRes.headers.get("www-authenticate"));
    assert.equal(guardRes.headers.get("www-authenticate"), 'Bearer realm="login-lab", error="invalid_token", error_description="token_expired"');
    assert.equal(guardRes.headers.get("cache-control"), "no-store");
    assert.equal(guardRes.headers.get("x-refused-by"), "guard");
  });
});

describe("proxy.ts stays light", () => {
  /** Every file proxy.ts reaches through its imports (the app's own files; packages by name). `import type` is erased: not followed. */
  function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const source = readFileSync(file, "utf8");
      for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^"']*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)) {
        if (!spec) continue;
        const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(file), spec) : null;
        if (base === null) {
          packages.add(spec);
          continue;
        }
        const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => existsSync(f));
        assert.ok(found, `cannot resolve ${spec} from ${file}`);
        visit(found);
      }
    };
    visit("proxy.ts");
    return { files, packages };
  }

  test("no database client anywhere in its import graph", () => {
    const { files, packages } = importGraph("proxy.ts");
    assert.ok(files.has("lib/guard.ts") && files.has("lib/auth/seal.ts") && files.has("lib/auth/access-token.ts"), "the walk reaches the checks");
    assert.deepEqual([...files].filter((f) => /^lib\/(db|database\/)/.test(f) || /lib\/auth\/(session|jwt|hybrid)\.ts$/.test(f)), []);
    assert.deepEqual([...packages].filter((p) => /prisma|sqlite|^pg$/.test(p)), []);
  });
});
