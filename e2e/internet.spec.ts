import { DEMO_PASSWORD, expect, REFRESH_COOKIE, SESSION_COOKIE, setCookie, test } from "./fixtures";

/**
 * Safe on the open internet: what an anonymous or malicious caller can and cannot get out of the
 * running server. Users heidi, ivan and judy are this spec's own (see DEMO_USERS in the config).
 */
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const claims = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as Record<string, unknown>;
const cookieOf = (res: import("@playwright/test").APIResponse, name: string) => {
  const c = setCookie(res, name);
  return c ? `${name}=${c.value}` : null;
};

test.describe("safe on the open internet", () => {
  test("the forge lab signs nothing for a caller without a valid token of their own", async ({ request }) => {
    const made = `${b64({ alg: "EdDSA", typ: "at+jwt" })}.${b64({ sub: "user_bob", preferred_username: "bob", name: "Bob" })}.x`;
    for (const kind of ["not_yet_valid", "expired", "wrong_iss", "wrong_aud", "wrong_typ", "sub_edited"]) {
      const r = await request.post("/api/lab/forge", { data: { kind, token: made } });
      expect(r.status(), kind).toBe(401);
      expect(await r.json()).not.toHaveProperty("forged");
    }
  });

  test("a forgery of one's own token keeps one's sub, is dead at every instant, and is refused", async ({ request }) => {
    const { access_token } = await (await request.post("/api/jwt/login", { data: { username: "heidi", password: DEMO_PASSWORD } })).json();
    for (const kind of ["not_yet_valid", "expired", "wrong_iss", "wrong_aud", "wrong_typ"]) {
      const { forged } = await (await request.post("/api/lab/forge", { data: { kind, token: access_token } })).json();
      const c = claims(forged);
      expect(c.sub, kind).toBe("user_heidi");
      expect(Number(c.nbf), kind).toBeGreaterThanOrEqual(Number(c.exp));
      expect((await request.get("/api/jwt/mypage", { headers: { authorization: `Bearer ${forged}` } })).status(), kind).toBe(401);
    }
  });

  test("50 parallel wrong passwords for one account: at most 5 are checked, the rest get 429 with Retry-After", async ({ request }) => {
    const username = `nobody-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        // Each claims another address: X-Forwarded-For is not believed, so it changes nothing.
        request.post("/api/session/login", { data: { username, password: `guess-${i}` }, headers: { "x-forwarded-for": `203.0.113.${i}` } }),
      ),
    );
    const statuses = answers.map((r) => r.status());
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    expect(Number(answers.find((r) => r.status() === 429)!.headers()["retry-after"])).toBeGreaterThan(0);
  });

  test("the client address is the socket's, whatever X-Forwarded-For claims", async ({ request }) => {
    const login = await request.post("/api/session/login", { data: { username: "ivan", password: DEMO_PASSWORD }, headers: { "x-forwarded-for": "198.51.100.77" } });
    const cookie = cookieOf(login, SESSION_COOKIE)!;
    const { devices } = await (await request.get("/api/session/devices", { headers: { cookie } })).json();
    const mine = devices.find((d: { current: boolean }) => d.current);
    expect(mine.ip).not.toContain("198.51.100.77");
    expect(mine.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  test("25 logins of one user, five at a time, leave exactly SESSION_MAX_PER_USER (20) live sessions", async ({ request }) => {
    // Five waves of five at once: a password check in flight holds one of the account's five
    // throttle slots until it succeeds, so more than five at the same moment would wait (429).
    const logins = [];
    for (let wave = 0; wave < 5; wave++) {
      logins.push(...(await Promise.all(Array.from({ length: 5 }, () => request.post("/api/session/login", { data: { username: "judy", password: DEMO_PASSWORD } })))));
    }
    expect(logins.map((r) => r.status())).toEqual(Array(25).fill(200));
    const cookies = logins.map((r) => cookieOf(r, SESSION_COOKIE)!);
    const states = await Promise.all(cookies.map((cookie) => request.get("/api/session/mypage", { headers: { cookie } })));
    expect(states.filter((r) => r.status() === 200)).toHaveLength(20);
    const live = cookies[states.findIndex((r) => r.status() === 200)];
    expect((await (await request.get("/api/session/devices", { headers: { cookie: live } })).json()).devices).toHaveLength(20);
  });

  test("a stolen refresh token replayed inside the grace window leaves no second live branch", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const login = await api.post("/api/hybrid/login", { data: { username: "heidi", password: DEMO_PASSWORD } });
    const stolen = cookieOf(login, REFRESH_COOKIE)!;
    const victim = await api.post("/api/hybrid/refresh", { headers: { cookie: stolen } });
    const thief = await api.post("/api/hybrid/refresh", { headers: { cookie: stolen } });
    expect([victim.status(), thief.status()]).toEqual([200, 200]);
    // The same child for both: one branch, shared.
    expect(cookieOf(thief, REFRESH_COOKIE)).toBe(cookieOf(victim, REFRESH_COOKIE));
    const victimNext = await api.post("/api/hybrid/refresh", { headers: { cookie: cookieOf(victim, REFRESH_COOKIE)! } });
    expect(victimNext.status()).toBe(200);
    // Past the grace window (2 s in this run), the thief's copy is an old token: the family ends.
    await new Promise((r) => setTimeout(r, 2_500));
    const late = await api.post("/api/hybrid/refresh", { headers: { cookie: cookieOf(thief, REFRESH_COOKIE)! } });
    expect((await late.json()).error).toBe("refresh_reused");
    const after = await api.post("/api/hybrid/refresh", { headers: { cookie: cookieOf(victimNext, REFRESH_COOKIE)! } });
    expect((await after.json()).error).toBe("refresh_revoked");
    await api.dispose();
  });

  test("Strict-Transport-Security on pages and API whenever cookies are Secure", async ({ request }) => {
    for (const path of ["/", "/api/health", "/.well-known/jwks.json"]) {
      expect((await request.get(path)).headers()["strict-transport-security"], path).toMatch(/max-age=\d{7,}/);
    }
  });

  test("the compare page measures at most once a minute, whoever asks", async ({ request }) => {
    const measuredAt = async () => /data-testid="measured-at" dateTime="([^"]+)"/i.exec(await (await request.get("/compare")).text())?.[1];
    const first = await measuredAt();
    expect(first).toBeTruthy();
    expect(await measuredAt()).toBe(first);
  });
});
