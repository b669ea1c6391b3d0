import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, LoginPanel, setCookie, test } from "./fixtures";

/**
 * Visitor isolation: two browsers (two cookie jars) are two visitors of the same public instance.
 * Neither may see or clear the other's lab records, and no anonymous endpoint may show anyone's
 * username, user agent or token. (grace and frank: users whose state no other spec depends on.)
 */
const LAB_COOKIE = "__Host-ll_lab";

async function visitor(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page };
}

test.describe("visitor isolation", () => {
  test("XSS lab: a visitor's attacker inbox is theirs alone: others neither see nor clear it", async ({ browser, request }) => {
    const [one, two] = [await visitor(browser), await visitor(browser)];
    await one.page.goto("/");
    const jwt = new LoginPanel(one.page, "jwt");
    await jwt.login("grace");
    await jwt.loggedInAs("Grace");
    const token = (await one.page.evaluate(() => localStorage.getItem("loginlab.jwt"))) as string;
    await one.page.goto("/lab/xss");
    await one.page.getByRole("button", { name: "Load the ready payload" }).click();
    await one.page.getByRole("button", { name: "Post comment" }).click();
    await expect(one.page.getByTestId("delivery").first()).toContainText("JWT from localStorage: eyJ", { timeout: 10_000 });

    // The lab cookie the proxy gave visitor one: HttpOnly, Lax, host-only, long-lived.
    const cookie = (await one.context.cookies()).find((c) => c.name === LAB_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie!.expires * 1000).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

    await two.page.goto("/lab/xss");
    await expect(two.page.getByTestId("inbox")).toContainText("Nothing stolen yet.");
    expect((await (await two.page.request.get("/api/lab/inbox")).json()).deliveries).toEqual([]);
    expect((await two.page.request.delete("/api/lab/inbox")).status()).toBe(200); // clears two's own, empty inbox
    await two.page.getByRole("button", { name: "clear" }).click();

    const mine: { jwt: string | null }[] = (await (await one.page.request.get("/api/lab/inbox")).json()).deliveries;
    expect(mine.map((d) => d.jwt)).toEqual([token]);
    await one.page.waitForTimeout(1_600); // one more poll of visitor one's page
    await expect(one.page.getByTestId("delivery")).toHaveCount(1);

    // No lab cookie, or an invented one: nothing to read, nothing recorded, nothing cleared.
    const anonymous = await request.get("/api/lab/inbox");
    expect(anonymous.status()).toBe(200);
    expect(await anonymous.json()).toEqual({ deliveries: [] });
    const invented = { cookie: `${LAB_COOKIE}=${"A".repeat(32)}` };
    expect(await (await request.get("/api/lab/inbox", { headers: invented })).json()).toEqual({ deliveries: [] });
    const stolen = { jwt: "planted", documentCookie: "", session: "", hybridAccessToken: null };
    expect((await request.post("/api/lab/inbox", { data: stolen })).status()).toBe(403);
    expect((await request.delete("/api/lab/inbox")).status()).toBe(403);
    // Another site cannot write into a visitor's inbox either, even with the cookie.
    const foreign = await one.page.request.post("/api/lab/inbox", { data: stolen, headers: { origin: "http://evil.example" } });
    expect(foreign.status()).toBe(403);
    expect((await (await one.page.request.get("/api/lab/inbox")).json()).deliveries).toHaveLength(1);

    for (const v of [one, two]) await v.context.close();
  });

  test("cross-site lab: a visitor's arrival log is theirs alone, and the page shows only its log key", async ({ browser, request, baseURL }) => {
    const attacker = (baseURL as string).replace("localhost", "127.0.0.1");
    const [one, two] = [await visitor(browser), await visitor(browser)];
    await one.page.goto(`${attacker}/lab/attacker`);
    const arrived = one.page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/lab/csrf-target`) && r.request().method() === "POST");
    await one.page.getByRole("button", { name: "1 · Cross-site form POST" }).click();
    expect((await arrived).status()).toBe(202);
    await expect(one.page.getByTestId("arrival")).toHaveCount(1);

    // The form names the log by a key; the lab id itself (which also guards the inbox) is nowhere in the page.
    const labId = (await one.context.cookies(attacker)).find((c) => c.name === LAB_COOKIE)!.value;
    const action = (await one.page.locator("form[target=csrf-frame]").getAttribute("action")) as string;
    expect(action).toMatch(/\/api\/lab\/csrf-target\?log=[A-Za-z0-9_-]{22}$/);
    expect(await one.page.content()).not.toContain(labId);

    await two.page.goto(`${attacker}/lab/attacker`);
    expect(await two.page.locator("form[target=csrf-frame]").getAttribute("action")).not.toBe(action);
    expect((await (await two.page.request.get(`${attacker}/api/lab/csrf-target`)).json()).arrivals).toEqual([]);
    await two.page.waitForTimeout(1_200); // a poll of visitor two's page
    await expect(two.page.getByTestId("arrival")).toHaveCount(0);
    expect((await two.page.request.delete(`${attacker}/api/lab/csrf-target`)).status()).toBe(204); // two's own log
    expect((await (await one.page.request.get(`${attacker}/api/lab/csrf-target`)).json()).arrivals).toHaveLength(1);
    await one.page.waitForTimeout(1_200);
    await expect(one.page.getByTestId("arrival")).toHaveCount(1);

    // Without a lab cookie: an empty log, nothing to clear; a POST naming no log is not recorded.
    for (const origin of [baseURL as string, attacker]) {
      expect(await (await request.get(`${origin}/api/lab/csrf-target`)).json()).toEqual({ arrivals: [] });
      expect((await request.delete(`${origin}/api/lab/csrf-target`)).status()).toBe(403);
    }
    expect((await request.post("/api/lab/csrf-target")).status()).toBe(400);
    expect((await request.post("/api/lab/csrf-target?log=../../etc")).status()).toBe(400);

    for (const v of [one, two]) await v.context.close();
  });

  test("store view: counts for everyone, rows only of the caller's own users; anonymous callers see no names", async ({ browser, request, playwright, baseURL }) => {
    // Another visitor, frank, logged in from a device with a user agent nobody else has.
    const probe = `IsolationProbe/${Date.now()}`;
    const frank = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "user-agent": probe } });
    expect((await frank.post("/api/session/login", { data: { username: "frank", password: DEMO_PASSWORD } })).status()).toBe(200);
    const secret = [probe, "frank", "grace", "alice", "bob"];

    // Anonymous API caller: counts and sizes, no rows, no names.
    const anonymous = await request.get("/api/store");
    const view = await anonymous.json();
    expect(view.session.rows).toBeGreaterThan(0);
    expect(view.session.bytes).toBeGreaterThan(0);
    expect([view.session.latest, view.jwt.latest, view.hybrid.latest, view.yours]).toEqual([[], [], [], []]);
    const text = JSON.stringify(view);
    for (const s of secret) expect(text).not.toContain(s);

    // Anonymous page: the same, and it says how to see your own rows.
    const anon = await visitor(browser);
    await anon.page.goto("/");
    const section = (page: typeof anon.page) => page.locator("section", { has: page.getByRole("heading", { name: "What the server stores" }) });
    await expect(anon.page.getByTestId("store-yours")).toContainText("Log in on a panel above to see your own rows");
    await expect(anon.page.getByTestId("store-session-rows")).toHaveText(/^[1-9]\d*$/);
    for (const s of secret) await expect(section(anon.page)).not.toContainText(s);

    // grace's browser: hybrid first (its rows can only be shown through the Bearer token the page adds) …
    const grace = await visitor(browser);
    await grace.page.goto("/");
    const hybrid = new LoginPanel(grace.page, "hybrid");
    await hybrid.login("grace");
    await hybrid.loggedInAs("Grace");
    await expect(grace.page.getByTestId("store-hybrid")).toContainText("grace", { timeout: 10_000 });
    await expect(grace.page.getByTestId("store-yours")).toContainText("yours, as grace");
    // … then Session: the browser sends the cookie by itself.
    const session = new LoginPanel(grace.page, "session");
    await session.login("grace");
    await session.loggedInAs("Grace");
    const me = await (await grace.page.request.get("/api/session/mypage")).json();
    await expect(grace.page.getByTestId("store-session")).toContainText(`${me.session.id.slice(0, 10)}…`, { timeout: 10_000 });
    for (const s of [probe, "frank", "alice", "bob"]) await expect(section(grace.page)).not.toContainText(s);
    const own = await (await grace.page.request.get("/api/store")).json();
    expect(own.yours).toEqual(["grace"]);
    expect(new Set([...own.session.latest, ...own.hybrid.latest].map((r: { user: string }) => r.user))).toEqual(new Set(["grace"]));

    // A Bearer token alone identifies its user (either audience); a tampered one identifies nobody.
    const login = await request.post("/api/jwt/login", { data: { username: "grace", password: DEMO_PASSWORD } });
    const { access_token } = await login.json();
    const bearer = await (await request.get("/api/store", { headers: { authorization: `Bearer ${access_token}` } })).json();
    expect(bearer.yours).toEqual(["grace"]);
    expect(JSON.stringify(bearer)).not.toContain(probe);
    const tampered = `${access_token.slice(0, -4)}AAAA`;
    expect((await (await request.get("/api/store", { headers: { authorization: `Bearer ${tampered}` } })).json()).yours).toEqual([]);

    // frank sees his own device, and nothing of grace's.
    const franks = await (await frank.get("/api/store")).json();
    expect(franks.yours).toEqual(["frank"]);
    expect(franks.session.latest.some((r: { detail: string }) => r.detail.startsWith(probe))).toBe(true);
    expect(JSON.stringify(franks)).not.toContain("grace");

    // The compare page shows the store's counts only.
    expect(await (await request.get("/compare")).text()).not.toContain(probe);

    await frank.dispose();
    for (const v of [anon, grace]) await v.context.close();
  });

  test("the lab cookie: given by /lab/ pages only, random, HttpOnly, kept once set, never written into the page", async ({ request }) => {
    const home = await request.get("/");
    expect(setCookie(home, LAB_COOKIE)).toBeNull();
    const lab = await request.get("/lab/attacker");
    const cookie = setCookie(lab, LAB_COOKIE);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(cookie?.attributes).toMatch(/HttpOnly/i);
    expect(cookie?.attributes).toMatch(/SameSite=lax/i);
    expect(cookie?.attributes).toMatch(/Secure/i);
    expect(await lab.text()).not.toContain(cookie!.value);
    // A browser that already has one keeps it.
    const again = await request.get("/lab/attacker", { headers: { cookie: `${LAB_COOKIE}=${cookie!.value}` } });
    expect(setCookie(again, LAB_COOKIE)).toBeNull();
  });
});
