import { DEMO_PASSWORD, expect, test } from "./fixtures";

/**
 * Every panel tells the truth: after a refusal, on a first visit, in its colours, buttons, dates
 * and timeline verdicts.
 */

test("the Session panel reacts to its own refusal: revoked from another device, it says so and why", async ({ page, panels, browser }) => {
  await page.goto("/");
  await panels.session.login("dave");
  await panels.session.loggedInAs("Dave");

  // Another device of dave's revokes every other session — this one included.
  const other = await browser.newContext();
  const res = await other.request.post("/api/session/login", { data: { username: "dave", password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  expect((await other.request.post("/api/session/devices/revoke", { data: { others: true } })).status()).toBe(200);
  await other.close();

  expect(await panels.session.callApi()).toBe("401");
  await expect(page.getByTestId("session-badge")).toHaveText("Session refused");
  await expect(panels.session.root.getByTestId("session-ended")).toContainText("revoked from another device");
  await expect(panels.session.root.getByTestId("session-ended")).toContainText("session_revoked");
  await expect(panels.session.root.getByText("Logged in as")).toHaveCount(0);

  // A new login clears it.
  await panels.session.login("dave");
  await panels.session.loggedInAs("Dave");
  await expect(page.getByTestId("session-badge")).toHaveText("Logged in");

  // Now this browser revokes the others: the store view lists their rows as revoked, not active.
  await panels.session.root.getByRole("button", { name: "Revoke all others" }).click();
  const rows = page.getByTestId("store-session").getByTestId("store-row");
  await expect(rows.filter({ hasText: "revoked_from_another_device" }).first()).toContainText("revoked", { timeout: 10_000 });
  for (const row of await rows.filter({ hasText: "revoked_from_another_device" }).all()) {
    await expect(row.getByTestId("store-row-state")).toHaveText("revoked");
  }
});

test("a first visit makes no failing request; an anonymous /hybrid/mypage says nothing was traded", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);

  const hybridCalls: string[] = [];
  page.on("request", (r) => r.url().includes("/api/hybrid/") && hybridCalls.push(r.url()));
  await page.goto("/hybrid/mypage");
  await expect(page.getByTestId("token-refused")).toContainText("No request was sent");
  await expect(page.getByTestId("token-refused")).not.toContainText("first traded the refresh cookie");
  expect(hybridCalls).toEqual([]);
});

test("after Hybrid's log out no request carries the old access token", async ({ page, panels }) => {
  await page.goto("/");
  await panels.hybrid.login("ivan");
  await panels.hybrid.loggedInAs("Ivan");
  await panels.hybrid.root.getByRole("button", { name: "Log out" }).click();
  await expect(panels.hybrid.loginButton()).toBeVisible();
  const sent = page.waitForRequest("**/api/hybrid/mypage");
  expect(await panels.hybrid.callApi()).toBe("401");
  expect((await sent).headers().authorization).toBeUndefined();
  await expect(panels.hybrid.root.getByTestId("server-received-hybrid")).not.toContainText("Authorization");
});

test("a lab answer that reports a refusal shows the verdict, not a green 200", async ({ page, panels }) => {
  await page.goto("/");
  await panels.session.login("erin");
  await panels.session.loggedInAs("Erin");
  await page.getByRole("button", { name: "tampered session cookie" }).click();
  const entry = panels.session.root.getByTestId("timeline-entry").filter({ hasText: "/api/lab/forge" }).first();
  await expect(entry.getByTestId("timeline-verdict")).toHaveText("refused");
  await expect(entry.getByTestId("timeline-verdict-detail")).toContainText("session_invalid");
  await expect(entry.getByTestId("timeline-status")).not.toHaveClass(/green/);
});

test("dates read the same everywhere: local time and how long ago, never ISO", async ({ page, panels }) => {
  await page.goto("/");
  await panels.session.login("ivan");
  await panels.session.loggedInAs("Ivan");
  await page.goto("/session/mypage");
  await expect(page.getByTestId("when").first()).toHaveText(/^\d{1,2}:\d\d:\d\d( [AP]M)? \((now|\d+ seconds? ago)\)$/);
  expect(await page.getByTestId("protected-data").textContent()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
});

test("the JWT deny-list appears in the store view once the revocable option uses it", async ({ page, panels }) => {
  await page.goto("/");
  await panels.jwt.root.getByLabel("Revocable: check a deny-list on every request").check();
  await panels.jwt.login("judy");
  await panels.jwt.loggedInAs("Judy");
  await panels.jwt.root.getByRole("button", { name: "Log out" }).click();
  await expect(panels.jwt.root.getByTestId("jwt-deny-listed")).toBeVisible();
  // The logged-out token is no longer sent, so log in again (plain) for the store view to show judy's rows.
  await panels.jwt.root.getByLabel("Revocable: check a deny-list on every request").uncheck();
  await panels.jwt.login("judy");
  await panels.jwt.loggedInAs("Judy");
  const column = page.getByTestId("store-jwt");
  await expect(column).toContainText("DeniedToken");
  // (The whole-store counts are shared for a second and the view polls every 5 s.)
  await expect(column.getByTestId("store-jwt-denylist")).toBeVisible({ timeout: 10_000 });
  await expect(column).toContainText("judy");
  await expect(column).toContainText("deny-listed until the token's exp");
});

test("counts are grammatical: one rotation, two rotations", async ({ page, panels }) => {
  await page.goto("/");
  await panels.hybrid.login("carol");
  await panels.hybrid.loggedInAs("Carol");
  const mine = panels.hybrid.root.getByTestId("device").filter({ hasText: "this device" });
  await expect(mine).toContainText("0 rotations ·");
  await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
  await expect(mine).toContainText("1 rotation ·");
  await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
  await expect(mine).toContainText("2 rotations ·");
});

test("during the grace window the thief's replay button says why it waits", async ({ page, panels }) => {
  await page.goto("/");
  await panels.hybrid.login("heidi");
  await panels.hybrid.loggedInAs("Heidi");
  const chain = panels.hybrid.root.getByTestId("refresh-chain");
  await expect(chain.getByTestId("replay-blocked")).toHaveText("steal a copy first");
  await chain.getByRole("button", { name: "Steal a copy of the refresh token" }).click();
  await expect(chain.getByTestId("replay-blocked")).toContainText("let the page rotate it first");
  await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
  await expect(chain.getByTestId("replay-blocked")).toContainText("grace window");
  await expect(chain.getByRole("button", { name: "Replay the stolen (old) copy" })).toBeDisabled();
  // The grace window is 2 s in e2e: then the button wakes up by itself.
  await expect(chain.getByRole("button", { name: "Replay the stolen (old) copy" })).toBeEnabled({ timeout: 5_000 });
  await expect(chain.getByTestId("replay-blocked")).toHaveCount(0);
  await chain.getByRole("button", { name: "Replay the stolen (old) copy" }).click();
  const entry = panels.hybrid.root.getByTestId("timeline-entry").filter({ hasText: "/api/hybrid/lab/replay" }).first();
  await expect(entry.getByTestId("timeline-verdict")).toHaveText("refused");
  await expect(entry.getByTestId("timeline-verdict-detail")).toContainText("refresh_reused");
});

test.describe("a newcomer can follow it", () => {
  test.use({ openSections: false });

  test("logged in, each panel's first screen answers who, what the browser holds and what the server received; the rest is one click away and remembered", async ({ page, panels }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/");
    for (const [mode, name] of [["session", "Grace"], ["jwt", "Grace"], ["hybrid", "Grace"]] as const) {
      await panels[mode].login("grace");
      await panels[mode].loggedInAs(name);
    }
    for (const mode of ["session", "jwt", "hybrid"] as const) {
      const root = panels[mode].root;
      await expect(root.getByText("Logged in as")).toBeVisible();
      await expect(root.getByRole("heading", { name: "What your browser holds" })).toBeVisible();
      await expect(root.getByRole("heading", { name: "The server received" })).toBeVisible();
      // Everything else is closed: one click away.
      for (const details of await root.locator("details").all()) await expect(details).not.toHaveAttribute("open", "");
    }
    const heights = await page.locator('[data-testid^="panel-"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    test.info().annotations.push({ type: "panel heights at 1440 px, logged in", description: heights.join(", ") });
    // No text breaks mid-word: only strings with no words in them (tokens, seals) may break anywhere.
    await page.getByRole("button", { name: "call GET /api/jwt/mypage" }).click();
    await expect(panels.jwt.root.getByTestId("api-status").first()).toHaveText("200");
    const brokenAnywhere = await page.locator("body *").evaluateAll((els) =>
      els.filter((e) => getComputedStyle(e).wordBreak === "break-all" && /\s/.test((e.textContent ?? "").trim())).map((e) => (e.textContent ?? "").slice(0, 40)),
    );
    expect(brokenAnywhere).toEqual([]);
    // Body text is at least 14 px.
    const small = await page.locator('[data-testid^="panel-"] p').evaluateAll((ps) => ps.filter((p) => p.getClientRects().length && parseFloat(getComputedStyle(p).fontSize) < 14).map((p) => p.textContent?.slice(0, 40)));
    expect(small).toEqual([]);

    // Opened once, a section stays open after a reload.
    await panels.session.root.getByText("Your devices (sessions)").click();
    await expect(panels.session.root.getByTestId("session-devices")).toBeVisible();
    await page.reload();
    await panels.session.loggedInAs("Grace");
    await expect(panels.session.root.getByTestId("session-devices")).toBeVisible();
    await expect(panels.jwt.root.getByTestId("section-jwt-token")).not.toHaveAttribute("open", "");
  });

  test("every term has its one-line explanation, on hover and on keyboard focus", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("grace");
    await panels.jwt.loggedInAs("Grace");
    await panels.hybrid.login("grace");
    await panels.hybrid.loggedInAs("Grace");
    await panels.session.login("grace");
    await panels.session.loggedInAs("Grace");
    await panels.jwt.root.getByText("The token, decoded").click();
    await panels.hybrid.root.getByText("Refresh tokens: the chain").click();
    await panels.jwt.root.getByText("localStorage or cookie: what changes").click();
    const terms = ["HttpOnly", "SameSite", "Secure", "__Host-", "seal", "jti", "aud", "iss", "kid", "typ", "JWKS", "refresh family", "rotation", "grace window", "deny-list"];
    for (const term of terms) {
      const el = page.locator(`[data-term="${term}"]`).first();
      await expect(el, term).toBeAttached();
      // A screen reader reads the explanation as the term's description.
      const described = await el.evaluate((e) => document.getElementById(e.getAttribute("aria-describedby") ?? "")?.textContent ?? "");
      expect(described.length, term).toBeGreaterThan(20);
    }
    const seal = page.locator('[data-term="seal"]').first();
    await seal.focus();
    await expect(page.getByTestId("term-tooltip")).toContainText("seal:");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("term-tooltip")).toHaveCount(0);
    await page.locator('[data-term="HttpOnly"]').first().hover();
    await expect(page.getByTestId("term-tooltip")).toContainText("page script cannot read the cookie");
    // On a phone, a tooltip stays inside the window.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const term of ["seal", "__Host-", "deny-list"]) {
      await page.locator(`[data-term="${term}"]`).first().scrollIntoViewIfNeeded();
      await page.locator(`[data-term="${term}"]`).first().hover();
      const box = await page.getByTestId("term-tooltip").boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, term).toBe(true);
    }
  });

  test("a first visit gets four numbered steps; dismissed, they stay dismissed", async ({ page }) => {
    await page.goto("/");
    const steps = page.getByTestId("start-here");
    await expect(steps.getByRole("listitem")).toHaveCount(4);
    await page.getByRole("button", { name: "Got it — hide these steps" }).click();
    await expect(steps).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: "Show the first steps again" })).toBeVisible();
    await expect(steps).toHaveCount(0);
  });
});

test("three logins in quick succession: each is sent once, and each panel logs in", async ({ page, panels }) => {
  const sent: string[] = [];
  const aborted: string[] = [];
  page.on("request", (r) => r.method() === "POST" && r.headers()["next-action"] && sent.push(r.url()));
  page.on("requestfailed", (r) => r.method() === "POST" && aborted.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto("/");
  await expect(panels.hybrid.loginButton()).toBeVisible();
  for (const mode of ["session", "jwt", "hybrid"] as const) {
    await panels[mode].root.getByLabel("Username").fill("kim");
    await panels[mode].root.getByLabel("Password").fill(DEMO_PASSWORD);
  }
  // Click, click, click: while one panel logs in, the next ones queue (and say so) instead of being lost.
  await panels.session.loginButton().click();
  await panels.jwt.loginButton().click();
  await panels.hybrid.loginButton().click();
  for (const mode of ["session", "jwt", "hybrid"] as const) await panels[mode].loggedInAs("Kim");
  expect(sent).toHaveLength(3);
  // Chromium may still report an action's answer as net::ERR_ABORTED once Next has applied the
  // page it carried (the login took effect: asserted above). Reported here, not asserted.
  test.info().annotations.push({ type: "aborted action answers", description: String(aborted.length) });
});
