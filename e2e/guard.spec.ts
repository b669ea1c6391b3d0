import { DEMO_PASSWORD, expect, JWT_COOKIE, type LoginPanel, SESSION_COOKIE, setCookie, tamper, test } from "./fixtures";

/**
 * The guard in every mode (proxy.ts), and the JWT panel's two transports: localStorage (sent as
 * Bearer by script) and an HttpOnly cookie (sent by the browser, still checked with no store).
 */

const storedToken = (page: import("@playwright/test").Page) => page.evaluate(() => localStorage.getItem("loginlab.jwt"));

async function chooseCookieTransport(jwt: LoginPanel) {
  await jwt.root.getByRole("radio", { name: /HttpOnly cookie/ }).check();
}

/** The newest timeline entry of a panel. */
const newest = (panel: LoginPanel) => panel.root.getByTestId("timeline-entry").first();

test.describe("JWT in an HttpOnly cookie", () => {
  test("logs in, travels like a session cookie, is checked with no store, and is guarded on /jwt/mypage", async ({ page, panels, context }) => {
    await page.goto("/");
    await chooseCookieTransport(panels.jwt);
    await panels.jwt.login("grace");
    await panels.jwt.loggedInAs("Grace");

    const cookie = (await context.cookies()).find((c) => c.name === JWT_COOKIE);
    expect(cookie, "the JWT cookie is set").toBeTruthy();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie!.value).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/); // the signed token itself, not an id
    expect(await storedToken(page)).toBeNull();
    const documentCookie = await page.evaluate(() => document.cookie);
    expect(documentCookie).not.toContain("ll_jwt=");
    expect(documentCookie).toContain("ll_jwt_transport=cookie"); // the remembered choice: no credential
    await expect(panels.jwt.root.getByText(`An HttpOnly cookie ${JWT_COOKIE}`)).toBeVisible();

    // The browser sends it by itself: no Authorization header, and the server looks nothing up.
    const apiCall = page.waitForRequest("**/api/jwt/mypage");
    expect(await panels.jwt.callApi()).toBe("200");
    expect((await apiCall).headers().authorization).toBeUndefined();
    await expect(newest(panels.jwt).getByTestId("timeline-credential").first()).toContainText(`Cookie ${JWT_COOKIE}`);
    await expect(newest(panels.jwt).getByTestId("timeline-queries")).toHaveText("0 store queries");
    // The guard verified it first; the route's check of the same token was a cache hit.
    await expect(newest(panels.jwt).getByTestId("timeline-verify")).toHaveAttribute("data-verify", "remembered");

    // The page is rendered on the server, from the cookie alone.
    const res = await page.goto("/jwt/mypage");
    expect(await res!.text()).toMatch(/Welcome, (<!-- -->)?Grace/);
    await expect(page.getByTestId("protected-data")).toContainText("no store holds anything about this login");
    await page.screenshot({ path: test.info().outputPath("jwt-cookie-mypage.png") });

    // The choice is remembered, and the server knows the login on the next visit.
    await page.goto("/");
    await expect(panels.jwt.root.getByRole("radio", { name: /HttpOnly cookie/ })).toBeChecked();
    await panels.jwt.loggedInAs("Grace");
    await page.screenshot({ path: test.info().outputPath("jwt-cookie-panel.png"), fullPage: true });

    // Guarded: tampered, expired and missing cookies are redirected by proxy.ts, with the reason.
    await context.addCookies([{ ...cookie!, value: tamper(cookie!.value, cookie!.value.lastIndexOf(".") + 8) }]);
    await page.goto("/jwt/mypage");
    await expect(page).toHaveURL(/\?next=%2Fjwt%2Fmypage&reason=jwt_cookie_invalid&by=guard#jwt$/);
    await expect(panels.jwt.root.getByTestId("jwt-returned")).toContainText("proxy.ts (the guard) sent you back");
    await expect(newest(panels.jwt).getByTestId("timeline-refusal")).toHaveAttribute("data-refused-by", "guard");
    await expect(newest(panels.jwt).getByTestId("timeline-refusal")).toContainText("jwt_cookie_invalid");

    // An expired token signed with the real key: the forge lab makes one from the visitor's own token.
    const own = (await (await page.request.post("/api/jwt/login", { data: { username: "grace", password: DEMO_PASSWORD } })).json()).access_token;
    const expired = (await (await page.request.post("/api/lab/forge", { data: { kind: "expired", token: own } })).json()).forged as string;
    await context.addCookies([{ ...cookie!, value: expired }]);
    await page.goto("/jwt/mypage");
    await expect(page).toHaveURL(/reason=jwt_cookie_expired&by=guard/);

    await context.clearCookies({ name: JWT_COOKIE });
    await page.goto("/jwt/mypage");
    await expect(page).toHaveURL(/reason=token_missing&by=guard/);
    await expect(panels.jwt.root.getByTestId("jwt-returned")).toContainText("No access token");
    // The API is guarded the same way: refused by proxy.ts before the route runs.
    expect(await panels.jwt.callApi()).toBe("401");
    await expect(newest(panels.jwt).getByTestId("timeline-refusal")).toContainText("refused by the guard (proxy.ts)");
    await expect(newest(panels.jwt).getByTestId("timeline-refusal")).toContainText("token_missing");
    await page.screenshot({ path: test.info().outputPath("jwt-cookie-guard-refusal.png"), fullPage: true });
  });

  test("log out deletes the cookie, but a copy still works until exp", async ({ page, panels, context }) => {
    await page.goto("/");
    await chooseCookieTransport(panels.jwt);
    await panels.jwt.login("heidi");
    await panels.jwt.loggedInAs("Heidi");
    await panels.jwt.root.getByRole("button", { name: "Log out" }).click();
    await expect(panels.jwt.root.getByTestId("jwt-still-valid")).toContainText("deleting a cookie deletes one copy");
    expect((await context.cookies()).find((c) => c.name === JWT_COOKIE)).toBeUndefined();
    await panels.jwt.root.getByRole("button", { name: "replay a copy of the deleted cookie" }).click();
    await expect(panels.jwt.root.getByTestId("api-result").first()).toContainText('"accepted": true');

    // Revocable: the jti goes on the deny-list, and the copy is refused at once.
    await panels.jwt.root.getByLabel("Revocable: check a deny-list on every request").check();
    await panels.jwt.login("heidi");
    await panels.jwt.loggedInAs("Heidi");
    expect(await panels.jwt.callApi()).toBe("200");
    await expect(newest(panels.jwt).getByTestId("timeline-timing")).toHaveAttribute("data-lookups", "1");
    await panels.jwt.root.getByRole("button", { name: "Log out" }).click();
    await expect(panels.jwt.root.getByTestId("jwt-deny-listed")).toBeVisible();
    await panels.jwt.root.getByRole("button", { name: "replay a copy of the deleted cookie" }).click();
    await expect(panels.jwt.root.getByTestId("api-result").first()).toContainText("jwt_cookie_revoked");
  });

  test("XSS can use the cookie while the page is open but cannot read it", async ({ page, panels }) => {
    await page.goto("/");
    await chooseCookieTransport(panels.jwt);
    await panels.jwt.login("ivan");
    await panels.jwt.loggedInAs("Ivan");
    await page.goto("/lab/xss");
    expect((await page.request.delete("/api/lab/inbox")).status()).toBe(200);
    await page.getByRole("button", { name: "Load the ready payload" }).click();
    await page.getByRole("button", { name: "Post comment" }).click();
    const delivery = page.getByTestId("delivery").first();
    await expect(delivery).toContainText("JWT from localStorage: none", { timeout: 10_000 });
    await expect(delivery.getByTestId("stolen-cookie")).not.toContainText("ll_jwt=");
    await expect(delivery.getByTestId("jwt-cookie-use")).toContainText("unreadable, so not stolen — but used");
    await expect(delivery.getByTestId("jwt-cookie-use")).toContainText('"username":"ivan"');
  });

  test("SameSite=Lax: the JWT cookie is not sent cross-site", async ({ page, panels, baseURL }) => {
    await page.goto("/");
    await chooseCookieTransport(panels.jwt);
    await panels.jwt.login("judy");
    await panels.jwt.loggedInAs("Judy");
    const attacker = (baseURL as string).replace("localhost", "127.0.0.1");
    await page.goto(`${attacker}/lab/attacker`);
    await expect(page.getByTestId("arrival")).toHaveCount(0);
    const arrived = page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/lab/csrf-target`) && r.request().method() === "POST");
    await page.getByRole("button", { name: "1 · Cross-site form POST" }).click();
    await arrived;
    await expect(page.getByTestId("arrival").first().getByTestId("arrival-cookies")).toHaveText("none");
    await page.getByRole("button", { name: "2 · Cross-site fetch with credentials" }).click();
    await expect(page.getByTestId("arrival")).toHaveCount(2);
    await expect(page.getByTestId("arrival-cookies").first()).toHaveText("none");
    // Same site, same browser: the cookie is there.
    await page.goto("/");
    expect(await panels.jwt.callApi()).toBe("200");
  });
});

test.describe("the guard in every mode", () => {
  test("localStorage transport: the API's guard refuses a tampered Bearer token; /jwt/mypage says where its guard is", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("erin");
    await panels.jwt.loggedInAs("Erin");
    expect(await panels.jwt.callApi()).toBe("200");
    await expect(newest(panels.jwt).getByTestId("timeline-verify")).toHaveAttribute("data-verify", "remembered");
    const [h, p, s] = (await storedToken(page))!.split(".");
    await page.evaluate((t) => localStorage.setItem("loginlab.jwt", t), `${h}.${tamper(p, 10)}.${s}`);
    await page.reload();
    expect(await panels.jwt.callApi()).toBe("401");
    await expect(newest(panels.jwt).getByTestId("timeline-refusal")).toHaveAttribute("data-refused-by", "guard");
    await expect(newest(panels.jwt).getByTestId("timeline-refusal")).toContainText("token_signature_invalid");

    await page.goto("/jwt/mypage");
    await expect(page.getByTestId("token-refused")).toContainText("token_signature_invalid");
    await expect(page.getByTestId("guard-note")).toContainText("GET /api/jwt/mypage");
    await page.goto("/hybrid/mypage");
    await expect(page.getByTestId("guard-note")).toContainText("proxy.ts cannot guard this page");
  });

  test("session: the guard refuses a broken cookie, the route a revoked one — the timeline tells them apart", async ({ page, panels, context }) => {
    await page.goto("/");
    await panels.session.login("kim");
    await panels.session.loggedInAs("Kim");
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    // Logged out elsewhere: the seal still opens (the guard lets it through), the store says no.
    expect((await page.request.post("/api/session/logout")).status()).toBe(204);
    await context.addCookies([cookie]);
    expect(await panels.session.callApi()).toBe("401");
    await expect(newest(panels.session).getByTestId("timeline-refusal")).toHaveAttribute("data-refused-by", "route");
    await expect(newest(panels.session).getByTestId("timeline-refusal")).toContainText("session_revoked");
    // A seal that does not open never reaches the route.
    await context.addCookies([{ ...cookie, value: tamper(cookie.value, 40) }]);
    expect(await panels.session.callApi()).toBe("401");
    await expect(newest(panels.session).getByTestId("timeline-refusal")).toHaveAttribute("data-refused-by", "guard");
    await expect(newest(panels.session).getByTestId("timeline-refusal")).toContainText("session_invalid");
    // The page navigation: the guard passes a revoked session's seal; the page's own check refuses it.
    await context.addCookies([cookie]);
    await page.goto("/session/mypage");
    await expect(page).toHaveURL(/reason=session_revoked&by=page/);
    await expect(panels.session.root.getByTestId("session-returned")).toContainText("the page's own check sent you back");
  });
});

test.describe("the guard over the JSON API", () => {
  test("POST /api/jwt/login with transport cookie: the token in an HttpOnly cookie, none in the body", async ({ request }) => {
    const login = await request.post("/api/jwt/login", { data: { username: "bob", password: DEMO_PASSWORD, transport: "cookie" } });
    expect(login.status()).toBe(200);
    const body = await login.json();
    expect(body).toEqual({ token_type: "cookie", expires_in: expect.any(Number) });
    const set = setCookie(login, JWT_COOKIE);
    expect(set?.value).toMatch(/^eyJ/);
    expect(set!.attributes).toMatch(/HttpOnly/i);
    expect(set!.attributes).toMatch(/SameSite=lax/i);
    expect(set!.attributes).toMatch(/Path=\/(;|$)/);
    expect(set!.attributes).toMatch(/Secure/i);
    expect(set!.attributes).toMatch(new RegExp(`Max-Age=${body.expires_in}`));

    const cookie = `${JWT_COOKIE}=${set!.value}`;
    const mypage = await request.get("/api/jwt/mypage", { headers: { cookie } });
    expect(mypage.status()).toBe(200);
    expect((await mypage.json()).transport).toBe("cookie");
    expect(mypage.headers()["server-timing"]).toContain('verify;desc="remembered"');
    // Never the session's or hybrid's credential, and neither of theirs is a JWT.
    expect((await (await request.get("/api/session/mypage", { headers: { cookie } })).json()).error).toBe("session_missing");
    expect((await (await request.get("/api/hybrid/mypage", { headers: { cookie } })).json()).error).toBe("token_missing");
    const seal = setCookie(await request.post("/api/session/login", { data: { username: "bob", password: DEMO_PASSWORD } }), SESSION_COOKIE)!.value;
    expect((await (await request.get("/api/jwt/mypage", { headers: { cookie: `${JWT_COOKIE}=${seal}` } })).json()).error).toBe("jwt_cookie_invalid");
    expect((await (await request.get("/api/jwt/mypage", { headers: { cookie: `${SESSION_COOKIE}=${seal}` } })).json()).error).toBe("token_missing");

    const logout = await request.post("/api/jwt/logout", { headers: { cookie } });
    expect(logout.status()).toBe(200);
    expect(setCookie(logout, JWT_COOKIE)?.attributes).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    // Not revocable: the deleted cookie's copy still works until exp.
    expect((await request.get("/api/jwt/mypage", { headers: { cookie } })).status()).toBe(200);

    const bad = await request.post("/api/jwt/login", { data: { username: "bob", password: DEMO_PASSWORD, transport: "pigeon" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toBe("invalid_body");
  });

  test("the guard answers the route's own 401 for every mode, and the route's check is a cache hit", async ({ request }) => {
    const cases = [
      { path: "/api/session/mypage", code: "session_missing", www: undefined },
      { path: "/api/jwt/mypage", code: "token_missing", www: 'Bearer realm="login-lab"' },
      { path: "/api/hybrid/mypage", code: "token_missing", www: 'Bearer realm="login-lab"' },
    ];
    for (const c of cases) {
      const res = await request.get(c.path);
      expect(res.status(), c.path).toBe(401);
      expect(res.headers()["x-refused-by"], c.path).toBe("guard");
      expect((await res.json()).error, c.path).toBe(c.code);
      expect(res.headers()["www-authenticate"], c.path).toBe(c.www);
      expect(res.headers()["cache-control"], c.path).toBe("no-store");
    }
    // A fresh credential of each mode: checked in full once (by the guard), then recalled by the route.
    for (const mode of ["session", "jwt", "hybrid"] as const) {
      const login = await request.post(`/api/${mode}/login`, { data: { username: "carol", password: DEMO_PASSWORD } });
      const headers: Record<string, string> = mode === "session" ? { cookie: `${SESSION_COOKIE}=${setCookie(login, SESSION_COOKIE)!.value}` } : { authorization: `Bearer ${(await login.json()).access_token}` };
      const res = await request.get(`/api/${mode}/mypage`, { headers });
      expect(res.status(), mode).toBe(200);
      expect(res.headers()["server-timing"], mode).toContain('verify;desc="remembered"');
    }
  });
});
