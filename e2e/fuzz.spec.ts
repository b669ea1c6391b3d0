import fc from "fast-check";
import { DEMO_PASSWORD, expect, JWT_COOKIE, REFRESH_COOKIE, SESSION_COOKIE, setCookie, test } from "./fixtures";

/**
 * Property: whatever credential arrives — garbage, truncated, tampered, re-signed with the wrong
 * algorithm, claims edited — every guarded route answers 400 or 401. Never 2xx, never 5xx.
 */
const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const printable = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=*!$%&()[]{}:@ ".split("")), maxLength: 600 });

function tokenForgeries(real: string) {
  const [h, p, s] = real.split(".");
  const header = JSON.parse(Buffer.from(h, "base64url").toString());
  const payload = JSON.parse(Buffer.from(p, "base64url").toString());
  const flip = fc.tuple(fc.nat(real.length - 1), fc.constantFrom(..."AZaz09-_.")).map(([i, c]) => real.slice(0, i) + c + real.slice(i + 1)).filter((t) => t !== real);
  const headerVariant = fc
    .record({
      alg: fc.constantFrom("none", "HS256", "RS256", "ES256", "EdDSA", "nOnE", ""),
      kid: fc.option(fc.string({ maxLength: 20 })),
      typ: fc.constantFrom("at+jwt", "JWT", "", "jwt"),
      extra: fc.constantFrom({}, { jku: "https://evil.example/j" }, { x5u: "https://evil.example/c" }, { jwk: { kty: "OKP" } }, { crit: ["exp"] }),
    })
    .map(({ extra, ...x }) => `${b64({ ...header, ...x, ...extra })}.${p}.${s}`);
  const payloadVariant = fc
    .record({
      sub: fc.constantFrom("user_bob", "admin", "", 0),
      exp: fc.integer({ min: 0, max: 4_000_000_000 }),
      aud: fc.constantFrom("login-lab:jwt", "login-lab:hybrid", "other", ["login-lab:jwt", "x"]),
    })
    .map((x) => `${h}.${b64({ ...payload, ...x })}.${s}`);
  const structural = fc.constantFrom(`${h}.${p}`, `${h}.${p}.`, `${h}..${s}`, `.${p}.${s}`, `${h}.${p}.${s}.${s}`, `${h}.${p}.${s.slice(0, 10)}`, `${real}${real}`, "e30.e30.", "eyJ.eyJ.");
  return fc.oneof(flip, headerVariant, payloadVariant, structural, printable);
}

function cookieForgeries(real: string) {
  const flip = fc.tuple(fc.nat(real.length - 1), fc.constantFrom(..."AZaz09*~")).map(([i, c]) => real.slice(0, i) + c + real.slice(i + 1)).filter((v) => v !== real);
  const truncated = fc.nat(real.length - 1).map((n) => real.slice(0, n));
  const fields = fc.array(printable.map((x) => x.replace(/[*;]/g, "")), { minLength: 1, maxLength: 9 }).map((xs) => `Fe26.2*${xs.join("*")}`);
  return fc.oneof(flip, truncated, fields, printable.map((x) => x.replace(/;/g, "")), fc.constant("x".repeat(5000)));
}

test("200+ forged or malformed credentials per route family: only 400/401, never 2xx or 5xx", async ({ request }) => {
  test.setTimeout(120_000);
  const login = async (mode: string) => request.post(`/api/${mode}/login`, { data: { username: "bob", password: DEMO_PASSWORD } });
  const sessionSeal = setCookie(await login("session"), SESSION_COOKIE)!.value;
  const jwt = (await (await login("jwt")).json()).access_token as string;
  const hybridLogin = await login("hybrid");
  const hybrid = (await hybridLogin.json()).access_token as string;
  const refresh = setCookie(hybridLogin, REFRESH_COOKIE)!.value;

  const seen: Record<string, number[]> = {};
  const check = async (label: string, send: () => Promise<import("@playwright/test").APIResponse>) => {
    const res = await send();
    const status = res.status();
    (seen[label] ??= []).push(status);
    expect([400, 401], `${label} answered ${status}`).toContain(status);
    // Every refusal says who refused it: proxy.ts (for the three mypage routes) or the route.
    expect(["guard", "route"], label).toContain(res.headers()["x-refused-by"]);
  };

  for (const token of fc.sample(tokenForgeries(jwt), { numRuns: 110, seed: 20261127 })) {
    const authorization = `Bearer ${token}`;
    await check("GET /api/jwt/mypage", () => request.get("/api/jwt/mypage", { headers: { authorization } }));
  }
  // The same forgeries in the JWT cookie (the cookie transport), to the API and to the page.
  for (const token of fc.sample(tokenForgeries(jwt), { numRuns: 110, seed: 1128 })) {
    if (!token.trim()) continue; // an empty cookie is no cookie: nothing to refuse
    const cookie = `${JWT_COOKIE}=${token}`;
    await check("GET /api/jwt/mypage (JWT cookie)", () => request.get("/api/jwt/mypage", { headers: { cookie } }));
    const page = await request.get("/jwt/mypage", { headers: { cookie }, maxRedirects: 0 });
    (seen["GET /jwt/mypage (JWT cookie)"] ??= []).push(page.status());
    expect(page.status(), `GET /jwt/mypage with ${token.slice(0, 40)}…`).toBe(307);
    expect(page.headers().location).toMatch(/\/\?next=%2Fjwt%2Fmypage&reason=jwt_cookie_(invalid|expired)&by=guard#jwt$/);
  }
  for (const token of fc.sample(tokenForgeries(hybrid), { numRuns: 110, seed: 7 })) {
    const authorization = `Bearer ${token}`;
    await check("GET /api/hybrid/mypage", () => request.get("/api/hybrid/mypage", { headers: { authorization } }));
    await check("GET /api/hybrid/devices", () => request.get("/api/hybrid/devices", { headers: { authorization } }));
  }
  for (const value of fc.sample(cookieForgeries(sessionSeal), { numRuns: 110, seed: 42 })) {
    const cookie = `${SESSION_COOKIE}=${value}`;
    await check("GET /api/session/mypage", () => request.get("/api/session/mypage", { headers: { cookie } }));
    await check("GET /api/session/devices", () => request.get("/api/session/devices", { headers: { cookie } }));
    await check("GET /api/session/inspect", () => request.get("/api/session/inspect", { headers: { cookie } }));
  }
  for (const value of fc.sample(cookieForgeries(refresh), { numRuns: 110, seed: 9 })) {
    const cookie = `${REFRESH_COOKIE}=${value}`;
    await check("POST /api/hybrid/refresh", () => request.post("/api/hybrid/refresh", { headers: { cookie } }));
    await check("GET /api/hybrid/refresh/family", () => request.get("/api/hybrid/refresh/family", { headers: { cookie } }));
  }
  const total = Object.values(seen).reduce((n, xs) => n + xs.length, 0);
  expect(total).toBeGreaterThanOrEqual(200 * 4);
  // The real credentials still work: the forgeries were refused for what they were.
  expect((await request.get("/api/jwt/mypage", { headers: { authorization: `Bearer ${jwt}` } })).status()).toBe(200);
  expect((await request.get("/api/jwt/mypage", { headers: { cookie: `${JWT_COOKIE}=${jwt}` } })).status()).toBe(200);
  expect((await request.get("/api/session/mypage", { headers: { cookie: `${SESSION_COOKIE}=${sessionSeal}` } })).status()).toBe(200);
});

/**
 * Property: every lab and public-mode endpoint, fed any body, content type and cookie — with a real
 * login's cookies or none — answers below 500. Labs are where attackers start.
 */
test("every lab endpoint, fuzzed with bodies, content types and cookies: never a 5xx", async ({ request }) => {
  test.setTimeout(120_000);
  const sessionLogin = await request.post("/api/session/login", { data: { username: "kim", password: DEMO_PASSWORD } });
  const hybridLogin = await request.post("/api/hybrid/login", { data: { username: "kim", password: DEMO_PASSWORD } });
  const real = [`${SESSION_COOKIE}=${setCookie(sessionLogin, SESSION_COOKIE)!.value}`, `${REFRESH_COOKIE}=${setCookie(hybridLogin, REFRESH_COOKIE)!.value}`].join("; ");
  const endpoints: [string, string][] = [
    ["POST", "/api/lab/forge"],
    ["GET", "/api/lab/inbox"],
    ["POST", "/api/lab/inbox"],
    ["DELETE", "/api/lab/inbox"],
    ["GET", "/api/lab/csrf-target"],
    ["POST", "/api/lab/csrf-target"],
    ["DELETE", "/api/lab/csrf-target"],
    ["POST", "/api/session/lab/capture"],
    ["POST", "/api/session/lab/replay"],
    ["POST", "/api/hybrid/refresh/lab/capture"],
    ["POST", "/api/hybrid/lab/replay"],
    ["POST", "/api/session/devices/simulate"],
    ["GET", "/api/store"],
    ["GET", "/api/hybrid/refresh/family"],
  ];
  const jsonish = fc.oneof(
    fc.json({ maxDepth: 3 }),
    printable,
    fc.record({ kind: fc.constantFrom("expired", "session_tampered", "nope", 1), token: fc.oneof(printable, fc.constant("a.b.c")), capture: printable, count: fc.integer({ min: -5, max: 100 }), rotate: fc.boolean() }).map((o) => JSON.stringify(o)),
    fc.constant("x".repeat(6000)),
  );
  const input = fc.record({
    body: jsonish,
    type: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", ""),
    cookie: fc.oneof(fc.constant(real), fc.constant(""), printable.map((x) => `${SESSION_COOKIE}=${x.replace(/;/g, "")}; ll_lab=${x.slice(0, 30).replace(/;/g, "")}`)),
    query: fc.constantFrom("", "?log=abc", `?log=${"A".repeat(22)}`, "?csp=on"),
  });
  let sent = 0;
  for (const [method, path] of endpoints) {
    for (const x of fc.sample(input, { numRuns: 30, seed: path.length * 31 + method.length })) {
      const headers: Record<string, string> = {};
      if (x.type) headers["content-type"] = x.type;
      if (x.cookie) headers.cookie = x.cookie;
      const res = await request.fetch(path + x.query, { method, headers, data: method === "GET" ? undefined : x.body });
      sent++;
      expect(res.status(), `${method} ${path}${x.query} answered ${res.status()}`).toBeLessThan(500);
    }
  }
  expect(sent).toBe(endpoints.length * 30);
});
