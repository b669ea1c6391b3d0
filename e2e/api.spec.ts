import { createPrivateKey, sign } from "node:crypto";
import { DEMO_PASSWORD, expect, REFRESH_COOKIE, SESSION_COOKIE, setCookie, test } from "./fixtures";

/**
 * The JSON contract of DESIGN.md, exercised as an outside client (curl, a mobile app) would:
 * no browser, cookies carried by hand from Set-Cookie.
 */
const alice = { username: "alice", password: DEMO_PASSWORD };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

test.describe("JSON API", () => {
  test("login answers bad bodies with 4xx and stable codes, never 500", async ({ request }) => {
    for (const mode of ["session", "jwt", "hybrid"]) {
      const url = `/api/${mode}/login`;
      const cases: [string, Parameters<typeof request.post>[1], number, string][] = [
        ["malformed JSON", { data: "{bad", headers: { "content-type": "application/json" } }, 400, "invalid_body"],
        ["missing password", { data: { username: "alice" } }, 400, "invalid_body"],
        ["wrong types", { data: { username: 1, password: [] } }, 400, "invalid_body"],
        ["a JSON array", { data: [1, 2] }, 400, "invalid_body"],
        ["not JSON at all", { form: { username: "alice", password: "x" } }, 415, "unsupported_media_type"],
        ["oversized", { data: { username: "alice", password: "x".repeat(10_000) } }, 413, "body_too_large"],
        ["wrong password", { data: { username: "alice", password: "wrong-password" } }, 401, "invalid_credentials"],
        ["unknown user", { data: { username: "nobody", password: "wrong-password" } }, 401, "invalid_credentials"],
      ];
      for (const [name, options, status, code] of cases) {
        const res = await request.post(url, options);
        expect(res.status(), `${mode}: ${name}`).toBe(status);
        expect(await res.json(), `${mode}: ${name}`).toMatchObject({ error: code, message: expect.any(String) });
      }
    }
  });

  test("session: login sets a sealed cookie, mypage needs it, logout deletes the session", async ({ request, playwright, baseURL }) => {
    const login = await request.post("/api/session/login", { data: alice });
    expect(login.status()).toBe(200);
    expect(await login.json()).toEqual({ user: { id: "user_alice", username: "alice", displayName: "Alice" } });
    const cookie = setCookie(login, SESSION_COOKIE)!;
    expect(cookie.attributes).toMatch(/HttpOnly/i);
    expect(cookie.attributes).toMatch(/SameSite=lax/i);
    expect(cookie.attributes).toMatch(/Secure/i);
    const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}` };

    const me = await request.get("/api/session/mypage", { headers });
    expect(me.status()).toBe(200);
    expect(me.headers()["cache-control"]).toBe("no-store");
    expect(await me.json()).toMatchObject({ user: { username: "alice" }, session: { id: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    // A client with an empty cookie jar, like curl without -b.
    const cookieless = await playwright.request.newContext({ baseURL });
    const missing = await cookieless.get("/api/session/mypage");
    expect(missing.status()).toBe(401);
    expect((await missing.json()).error).toBe("session_missing");
    await cookieless.dispose();

    for (const [value, code] of [
      ["garbage", "session_invalid"],
      ["Fe26.2*1*" + "a".repeat(300), "session_invalid"],
    ] as const) {
      const res = await request.get("/api/session/mypage", { headers: { cookie: `${SESSION_COOKIE}=${value}` } });
      expect(res.status()).toBe(401);
      expect((await res.json()).error).toBe(code);
    }

    const logout = await request.post("/api/session/logout", { headers });
    expect(logout.status()).toBe(204);
    expect(setCookie(logout, SESSION_COOKIE)?.attributes).toMatch(/Max-Age=0/i);
    const replay = await request.get("/api/session/mypage", { headers });
    expect(replay.status()).toBe(401);
    expect((await replay.json()).error).toBe("session_revoked");
  });

  test("jwt: login returns a Bearer token and no cookie; mypage verifies it and says why not", async ({ request }) => {
    const login = await request.post("/api/jwt/login", { data: alice });
    expect(login.status()).toBe(200);
    const body = await login.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 900 });
    expect(login.headers()["set-cookie"]).toBeUndefined();

    const me = await request.get("/api/jwt/mypage", { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: "alice" }, claims: { iss: "login-lab", aud: "login-lab:jwt", sub: "user_alice" } });

    const none = await request.get("/api/jwt/mypage");
    expect(none.status()).toBe(401);
    expect(none.headers()["www-authenticate"]).toBe('Bearer realm="login-lab"');

    const [h, p] = body.access_token.split(".");
    const key = createPrivateKey({ key: JSON.parse(process.env.E2E_JWT_PRIVATE_KEY!), format: "jwk" });
    const signed = (header: object, payload: object) => {
      const input = `${b64(header)}.${b64(payload)}`;
      return `${input}.${sign(null, Buffer.from(input), key).toString("base64url")}`;
    };
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const header = JSON.parse(Buffer.from(h, "base64url").toString());
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string, string][] = [
      ["garbage", "not-a-token", "token_malformed"],
      ["alg none", `${b64({ alg: "none", typ: "at+jwt" })}.${p}.`, "token_alg_not_allowed"],
      ["payload edited", `${h}.${b64({ ...claims, sub: "user_bob" })}.${body.access_token.split(".")[2]}`, "token_signature_invalid"],
      ["expired", signed(header, { ...claims, exp: now - 10 }), "token_expired"],
      ["not yet valid", signed(header, { ...claims, nbf: now + 600, iat: now + 600, exp: now + 1200 }), "token_not_yet_valid"],
      ["hybrid audience", signed(header, { ...claims, aud: "login-lab:hybrid" }), "token_claim_invalid"],
      ["wrong typ", signed({ ...header, typ: "JWT" }, claims), "token_claim_invalid"],
      ["unknown kid", signed({ ...header, kid: "someone-else" }, claims), "token_unknown_kid"],
      ["jku header", signed({ ...header, jku: "https://attacker.example/jwks.json" }, claims), "token_header_forbidden"],
    ];
    for (const [name, token, code] of cases) {
      const res = await request.get("/api/jwt/mypage", { headers: { authorization: `Bearer ${token}` } });
      expect(res.status(), name).toBe(401);
      expect((await res.json()).error, name).toBe(code);
      expect(res.headers()["www-authenticate"], name).toContain('error="invalid_token"');
    }
  });

  test("hybrid: refresh rotates the cookie, reuse revokes the family, logout revokes it too", async ({ request }) => {
    const login = await request.post("/api/hybrid/login", { data: alice });
    expect(login.status()).toBe(200);
    expect(await login.json()).toMatchObject({ token_type: "Bearer", expires_in: 300 });
    const first = setCookie(login, REFRESH_COOKIE)!;
    expect(first.attributes).toMatch(/Path=\/api\/hybrid/);
    expect(first.attributes).toMatch(/HttpOnly/i);
    expect(first.attributes).toMatch(/SameSite=strict/i);
    const refresh = (value: string) => request.post("/api/hybrid/refresh", { headers: { cookie: `${REFRESH_COOKIE}=${value}` } });

    const r1 = await refresh(first.value);
    expect(r1.status()).toBe(200);
    const { access_token } = await r1.json();
    const second = setCookie(r1, REFRESH_COOKIE)!;
    expect(second.value).not.toBe(first.value);
    const me = await request.get("/api/hybrid/mypage", { headers: { authorization: `Bearer ${access_token}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).claims.aud).toBe("login-lab:hybrid");
    const wrongApi = await request.get("/api/jwt/mypage", { headers: { authorization: `Bearer ${access_token}` } });
    expect((await wrongApi.json()).error).toBe("token_claim_invalid");

    // Past the grace window (2 s in e2e), a second use of a rotated token is theft.
    await new Promise((r) => setTimeout(r, 2_200));
    const reuse = await refresh(first.value);
    expect(reuse.status()).toBe(401);
    expect((await reuse.json()).error).toBe("refresh_reused");
    const afterReuse = await refresh(second.value);
    expect((await afterReuse.json()).error).toBe("refresh_revoked");

    const again = setCookie(await request.post("/api/hybrid/login", { data: alice }), REFRESH_COOKIE)!;
    const logout = await request.post("/api/hybrid/refresh/logout", { headers: { cookie: `${REFRESH_COOKIE}=${again.value}` } });
    expect(logout.status()).toBe(204);
    expect(setCookie(logout, REFRESH_COOKIE)?.attributes).toMatch(/Max-Age=0/i);
    expect((await (await refresh(again.value)).json()).error).toBe("refresh_revoked");

    for (const [headers, code] of [
      [{}, "refresh_missing"],
      [{ cookie: `${REFRESH_COOKIE}=garbage` }, "refresh_invalid"],
    ] as const) {
      const res = await request.post("/api/hybrid/refresh", { headers });
      expect(res.status()).toBe(401);
      expect((await res.json()).error).toBe(code);
    }
  });

  test("repeated failures for one account are throttled with 429 and Retry-After", async ({ request }) => {
    const attempt = () => request.post("/api/session/login", { data: { username: "mallory", password: "guess" } });
    for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(401);
    const limited = await attempt();
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await limited.json()).error).toBe("rate_limited");
  });

  test("jwks publishes the public key only; health answers", async ({ request }) => {
    const res = await request.get("/.well-known/jwks.json");
    expect(res.headers()["content-type"]).toMatch(/^application\/jwk-set\+json/);
    const jwks = await res.json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", kid: expect.any(String) });
    expect(jwks.keys[0].d).toBeUndefined();
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect((await health.json()).signingKeys).toEqual({ refused: [] });
  });
});
