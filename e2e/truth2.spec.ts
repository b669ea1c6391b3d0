import { DEMO_PASSWORD, expect, REFRESH_COOKIE, setCookie, test } from "./fixtures";
import { expectKorean } from "./korean";

/**
 * Every sentence on a screen is a claim: each test reads what a screen says and checks it against
 * what the app does — the session lookup, the guide's advice for apps, what an injected script
 * gets, whose cookies page script sees, and what the refresh chain's replay did.
 */

/** frank: a user whose sessions and families no other spec depends on (e2e/isolation.spec.ts). */
const USER = "frank";
const NAME = "Frank";

test("the Session tagline says what the server does: the row from the store once, then from this instance's memory", async ({ page, panels }) => {
  await page.goto("/");
  const panel = panels.session.root;
  await expect(panel).toContainText("the server reads the session's row from the store once, then from this instance's memory until the store announces a change to it");
  await expect(page.locator("body")).not.toContainText("looks it up on every request");

  // What the timeline measures agrees: a repeated request reads no store, only this instance's memory.
  await panels.session.login(USER);
  await panels.session.loggedInAs(NAME);
  expect(await panels.session.callApi()).toBe("200");
  expect(await panels.session.callApi()).toBe("200");
  const newest = panel.getByTestId("timeline-entry").filter({ hasText: "/api/session/mypage" }).first();
  await expect(newest.getByTestId("timeline-queries")).toHaveText("0 store queries");
  await expect(newest.getByTestId("timeline-cached")).toContainText("1 row from this instance's memory");

  // The guide shows the same tagline next to a Session recommendation.
  await page.goto("/guide?app=ssr&clients=browser&services=one&domains=one&revocation=instant&servers=one&stakes=medium");
  await expect(page.getByTestId("guide-mode")).toHaveText("Session");
  await expect(page.getByTestId("guide-tagline")).toContainText("from the store once, then from this instance's memory");

  // /claims: S2's caveat no longer says the store is asked on every request, and its numbers show why.
  await page.goto("/claims");
  const row = page.getByTestId("claim-S2");
  await row.getByRole("button", { name: /^Check S2( again)?$/ }).click();
  await expect(row).toHaveAttribute("data-verdict", "caveat", { timeout: 15_000 });
  const evidence = row.getByTestId("claim-evidence");
  await expect(evidence).toContainText("not every request queries the store");
  await expect(evidence).toContainText("Second: 0 store queries, 1 row from this instance's memory");
  await expect(evidence).not.toContainText("on every request —");
});

test("/guide for apps: Hybrid says how an app keeps the refresh token, and what this lab's API really does", async ({ page, request }) => {
  await page.goto("/guide?app=spa&clients=mobile&services=many&domains=one&revocation=minutes&servers=many&stakes=medium");
  await expect(page.getByTestId("guide-mode")).toHaveText("Hybrid");
  const tagline = page.getByTestId("guide-tagline");
  // Not the browser-only tagline next to "Your apps have no browser cookie jar".
  await expect(tagline).not.toHaveText("Short-lived JWT in memory + a rotating refresh token in an HttpOnly cookie.");
  await expect(tagline).toContainText("in an app, both from the response body, the refresh token in the platform's secure storage");
  const reasons = page.getByTestId("guide-reasons");
  await expect(reasons).toContainText("Your apps have no browser cookie jar");
  const apps = reasons.getByRole("listitem").filter({ hasText: "keep the refresh token themselves" });
  await expect(apps).toContainText("the iOS Keychain, the Android Keystore");
  await expect(apps).toContainText('POST /api/hybrid/refresh takes {"refresh_token": …} in a JSON body and answers with the rotated one in the body');
  await expect(apps).toContainText("Its login hands out the first one only as a cookie");
  // The browser reason says what an injected script can still do.
  await expect(reasons).toContainText("It is no shield, though");
  await expect(reasons).not.toContainText("finds nothing lasting to carry away");

  // No web front end at all: the tagline speaks of the body alone.
  await page.goto("/guide?app=none&revocation=instant");
  await expect(page.getByTestId("guide-mode")).toHaveText("Hybrid");
  await expect(page.getByTestId("guide-tagline")).toContainText("both handed over in the response body");
  await expect(page.getByTestId("guide-tagline")).not.toContainText("HttpOnly");

  // What the text says of the API, checked against it: login sets the refresh token as a cookie only…
  const login = await request.post("/api/hybrid/login", { data: { username: USER, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const body = await login.json();
  expect(body.access_token).toBeTruthy();
  expect(body.refresh_token).toBeUndefined();
  const cookie = setCookie(login, REFRESH_COOKIE);
  expect(cookie?.attributes).toMatch(/HttpOnly/i);
  // …and refresh takes it in a JSON body, answering with the rotated one in the body.
  const refreshed = await request.post("/api/hybrid/refresh", { data: { refresh_token: cookie!.value } });
  expect(refreshed.status()).toBe(200);
  const rotated = await refreshed.json();
  expect(typeof rotated.refresh_token).toBe("string");
  expect(rotated.refresh_token).not.toBe(cookie!.value);
  expect(setCookie(refreshed, REFRESH_COOKIE)).toBeNull();
});

test("each panel and /compare say what an injected script gets — and the XSS lab shows it, Hybrid's fresh access tokens included", async ({ page, panels, browser }) => {
  await page.goto("/");
  for (const mode of ["session", "jwt", "hybrid"] as const) {
    await panels[mode].login(USER);
    await panels[mode].loggedInAs(NAME);
  }
  const note = (mode: string) => page.getByTestId(`xss-note-${mode}`);
  await expect(note("session")).toContainText("cannot read the session cookie, but can use it: while the page is open");
  await expect(note("jwt")).toHaveAttribute("data-variant", "jwtStorage");
  await expect(note("jwt")).toContainText("reads the token from localStorage and sends it away: the copy works from anywhere until its exp");
  await expect(note("hybrid")).toContainText("cannot read the refresh cookie and finds no access token in storage");
  await expect(note("hybrid")).toContainText("it can call POST /api/hybrid/refresh itself");
  await expect(note("hybrid")).toContainText("while the page is open and the family is alive");
  for (const mode of ["session", "jwt", "hybrid"]) await expect(note(mode).getByRole("link")).toHaveAttribute("href", "/lab/xss");

  // The cookie transport changes what XSS gets from the JWT: use, no longer theft.
  await panels.jwt.root.getByRole("radio", { name: /HttpOnly cookie/ }).check();
  await expect(note("jwt")).toHaveAttribute("data-variant", "jwtCookie");
  await expect(note("jwt")).toContainText("cannot read the JWT cookie, but can use it");

  // The lab: the payload gets a fresh hybrid access token through the refresh cookie it cannot read…
  await page.goto("/lab/xss");
  expect((await page.request.delete("/api/lab/inbox")).status()).toBe(200);
  await page.getByRole("button", { name: "Load the ready payload" }).click();
  await page.getByRole("button", { name: "Post comment" }).click();
  const delivery = page.getByTestId("delivery").first();
  await expect(delivery).toContainText("POST /api/hybrid/refresh gave it a fresh hybrid access token", { timeout: 10_000 });
  await expect(delivery.getByTestId("stolen-cookie")).not.toContainText("ll_refresh=");
  // …which works from anywhere else until its exp: the thief's own browser, no cookies.
  const stolen: { hybridAccessToken: string | null }[] = (await (await page.request.get("/api/lab/inbox")).json()).deliveries;
  const token = stolen[0]?.hybridAccessToken;
  expect(token).toMatch(/^eyJ/);
  const thief = await browser.newContext();
  const used = await thief.request.get("/api/hybrid/mypage", { headers: { Authorization: `Bearer ${token}` } });
  expect(used.status()).toBe(200);
  await thief.close();

  // /compare says the same, row by row, with the lab one click away.
  await page.goto("/compare");
  const row = page.getByTestId("cmp-xss");
  await expect(row.getByRole("rowheader")).toHaveText("What an injected script (XSS) gets");
  await expect(page.getByTestId("cmp-session-xss")).toContainText("cannot read the cookie; can use it while the page is open");
  await expect(page.getByTestId("cmp-jwt-xss")).toContainText("localStorage: reads the token and sends it away — the copy works anywhere until exp");
  await expect(page.getByTestId("cmp-jwt-xss")).toContainText("HttpOnly cookie: cannot read it; can use it while the page is open");
  await expect(page.getByTestId("cmp-hybrid-xss")).toContainText("calls POST /api/hybrid/refresh (the browser attaches the cookie) and sends away the fresh access tokens it gets");
  await expect(page.getByTestId("cmp-hybrid-xss")).toContainText("for as long as the page is open and the family alive");
  await expect(row).toContainText("Hybrid's token in memory is no shield");
  for (const mode of ["session", "jwt", "hybrid"]) await expect(page.getByTestId(`cmp-${mode}-xss`).getByRole("link")).toHaveAttribute("href", "/lab/xss");
});

test("page script's cookies are labelled with their owner, in every panel: none is a credential", async ({ page, panels }) => {
  await page.goto("/");
  await panels.session.login(USER);
  await panels.session.loggedInAs(NAME);
  await panels.hybrid.login(USER);
  await panels.hybrid.loggedInAs(NAME);
  await panels.jwt.root.getByRole("radio", { name: /HttpOnly cookie/ }).check();
  await panels.jwt.login(USER);
  await panels.jwt.loggedInAs(NAME);

  const names = (await page.evaluate(() => document.cookie)).split("; ").map((c) => c.split("=")[0]).sort();
  expect(names).toEqual(["ll_jwt_transport", "ll_refresh_hint"]);
  for (const mode of ["session", "jwt", "hybrid"] as const) {
    const owners = panels[mode].root.getByTestId("document-cookie-owners");
    await expect(owners.getByRole("listitem")).toHaveCount(names.length);
    const hint = owners.locator('[data-cookie="ll_refresh_hint"]');
    await expect(hint).toContainText("ll_refresh_hint=1");
    await expect(hint).toContainText("Hybrid mode's hint that a refresh cookie was set");
    await expect(hint).toContainText("No credential");
    const transport = owners.locator('[data-cookie="ll_jwt_transport"]');
    await expect(transport).toContainText("ll_jwt_transport=cookie");
    await expect(transport).toContainText("JWT mode's remembered choice of where its token lives");
    await expect(transport).toContainText("No credential");
  }
  // A cookie Login Lab did not set is said to be none of its own.
  await page.evaluate(() => (document.cookie = "someone_else=1; Path=/"));
  await expect(panels.session.root.getByTestId("document-cookie-owners").locator('[data-cookie="someone_else"]')).toContainText("Not one of Login Lab's cookies.");
});

test("the refresh chain: the cookie's token is 'not used yet'; after the replay, the panel keeps what the thief got and what the revocation did", async ({ page, panels }) => {
  await page.goto("/");
  await panels.hybrid.login(USER);
  await panels.hybrid.loggedInAs(NAME);
  const chain = panels.hybrid.root.getByTestId("refresh-chain");
  const links = chain.getByTestId("chain-link");
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText("← in the cookie now (not used yet)");
  await expect(chain).not.toContainText("the cookie now unused");

  const replayOnce = async () => {
    await chain.getByRole("button", { name: "Steal a copy of the refresh token" }).click();
    await expect(chain.getByTestId("replay-blocked")).toContainText("let the page rotate it first");
    await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
    // The old token is used now; the new one in the cookie is not, yet.
    await expect(links.filter({ hasText: "← in the cookie now (not used yet)" })).toHaveCount(1);
    await expect(links.filter({ hasText: /used \d/ })).not.toHaveCount(0);
    const replay = chain.getByRole("button", { name: "Replay the stolen (old) copy" });
    await expect(replay).toBeEnabled({ timeout: 6_000 }); // after the 2 s grace window
    await replay.click();
  };

  await replayOnce();
  const result = panels.hybrid.root.getByTestId("reuse-result");
  await expect(result).toBeVisible();
  await expect(result.getByTestId("reuse-result-thief")).toContainText("The thief replayed the old refresh token and got 401 refresh_reused: no access token, no new refresh token.");
  await expect(result.getByTestId("reuse-result-family")).toContainText(/revoked the whole family: all \d+ refresh tokens of this login, reason reuse_detected — the one still in this page's cookie included/);
  await expect(result.getByTestId("reuse-result-page")).toContainText("presented its own cookie — the newer, rightful token — and was refused too: 401 refresh_revoked");
  // The panel is logged out and the chain's section gone, but the result stays.
  await expect(panels.hybrid.loginButton()).toBeVisible();
  await expect(chain).toHaveCount(0);
  await expect(page.getByTestId("hybrid-badge")).toHaveText("Revoked");
  await page.waitForTimeout(2_000);
  await expect(result).toBeVisible();

  // Logging in again starts a new family: the old result goes.
  await panels.hybrid.login(USER);
  await panels.hybrid.loggedInAs(NAME);
  await expect(result).toHaveCount(0);

  // Or the visitor dismisses it.
  await replayOnce();
  await expect(result).toBeVisible();
  await result.getByRole("button", { name: "Dismiss" }).click();
  await expect(result).toHaveCount(0);
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("the XSS notes, the cookies' owners and the replay's result speak Korean", async ({ page }) => {
    await page.goto("/");
    for (const mode of ["session", "hybrid"] as const) {
      await page.locator(`#${mode}-username`).fill(USER);
      await page.locator(`#${mode}-password`).fill(DEMO_PASSWORD);
      await page.locator(`#${mode}-login-form button[type="submit"]`).click();
      await expect(page.getByTestId(`${mode}-badge`)).toHaveText("로그인됨", { timeout: 10_000 });
    }
    await expect(page.getByTestId("xss-note-hybrid")).toContainText("POST /api/hybrid/refresh");
    await expect(page.getByTestId("xss-note-hybrid")).toContainText("패밀리가 살아 있는 한");
    await expect(page.getByTestId("panel-session").getByTestId("document-cookie-owners")).toContainText("하이브리드 모드의 힌트");
    await expect(page.getByTestId("panel-session")).toContainText("저장소에서 한 번 읽고");
    await expectKorean(page);

    const panel = page.getByTestId("panel-hybrid");
    const chain = panel.getByTestId("refresh-chain");
    await expect(chain.getByTestId("chain-link").first()).toContainText("(아직 사용 전)");
    await chain.getByRole("button", { name: "리프레시 토큰 사본 탈취" }).click();
    await panel.getByRole("button", { name: "지금 재발급" }).click();
    const replay = chain.getByRole("button", { name: "탈취한 (옛) 사본 재전송" });
    await expect(replay).toBeEnabled({ timeout: 6_000 });
    await replay.click();
    const result = panel.getByTestId("reuse-result");
    await expect(result).toContainText("401 refresh_reused");
    await expect(result).toContainText("401 refresh_revoked");
    await expect(result).toContainText("패밀리 전체를 무효화했습니다");
    await expectKorean(page);
  });
});
