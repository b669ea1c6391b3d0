import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, LoginPanel, openAllSections, test } from "./fixtures";

/** A separate browser (its own cookie jar) logged in with Session mode: one "device". */
async function device(browser: Browser, username: string) {
  const context = await browser.newContext();
  await openAllSections(context);
  const page = await context.newPage();
  await page.goto("/");
  const panel = new LoginPanel(page, "session");
  await panel.login(username);
  await panel.loggedInAs(username[0].toUpperCase() + username.slice(1));
  return { context, page, panel };
}

test.describe("control and revocation", () => {
  test("revoke one device: it is refused on its very next request and told why", async ({ browser }) => {
    const a = await device(browser, "carol");
    const b = await device(browser, "carol");
    await a.page.reload();
    const devices = a.panel.root.getByTestId("session-devices");
    await expect(devices.getByTestId("device")).toHaveCount(2);
    await expect(devices.getByTestId("device").filter({ hasText: "this device" })).toHaveCount(1);
    await devices.getByTestId("device").filter({ hasNotText: "this device" }).getByRole("button", { name: "Revoke" }).click();
    await expect(devices.getByTestId("device")).toHaveCount(1);

    expect(await b.panel.callApi()).toBe("401");
    await b.page.reload();
    await expect(b.panel.root.getByTestId("session-ended")).toContainText("revoked from another device");
    expect(await a.panel.callApi()).toBe("200");
    await a.context.close();
    await b.context.close();
  });

  test("revoke all others leaves only this device", async ({ browser }) => {
    // Three browsers, each logging in: about 25 s on two busy cores, too close to the default 30 s.
    test.setTimeout(60_000);
    const [a, b, c] = [await device(browser, "dave"), await device(browser, "dave"), await device(browser, "dave")];
    await a.page.reload();
    await a.panel.root.getByRole("button", { name: "Revoke all others" }).click();
    await expect(a.panel.root.getByTestId("session-devices").getByTestId("device")).toHaveCount(1);
    for (const other of [b, c]) {
      await other.page.reload();
      await expect(other.panel.root.getByTestId("session-ended")).toContainText("revoked from another device");
    }
    for (const d of [a, b, c]) await d.context.close();
  });

  test("logging in past the per-user limit evicts the oldest session, which sees why", async ({ browser, request }) => {
    const oldest = await device(browser, "erin");
    await expect(oldest.panel.root.getByText("of at most 20 sessions")).toBeVisible();
    for (let i = 0; i < 20; i++) {
      expect((await request.post("/api/session/login", { data: { username: "erin", password: DEMO_PASSWORD } })).status()).toBe(200);
    }
    await oldest.page.reload();
    await expect(oldest.panel.root.getByTestId("session-ended")).toContainText("to make room");
    await expect(oldest.panel.root.getByTestId("session-ended")).toContainText("session_evicted");
    await oldest.context.close();
  });

  test("a short idle timeout ends the session after that much silence", async ({ page, panels }) => {
    await page.goto("/");
    await panels.session.root.getByLabel("End the session after 3 s without use (demo)").check();
    await panels.session.login("grace");
    await panels.session.loggedInAs("Grace");
    await page.waitForTimeout(4_000);
    await page.reload();
    await expect(panels.session.root.getByTestId("session-ended")).toContainText("idle");
  });

  test("replay lab: a session copy is refused at once after logout", async ({ page, panels }) => {
    await page.goto("/");
    await panels.session.login("bob");
    await panels.session.loggedInAs("Bob");
    const lab = page.getByTestId("replay-session");
    await lab.getByRole("button", { name: "1 · Capture" }).click();
    await expect(lab).toContainText("Captured.");
    await lab.getByRole("button", { name: "2 · Log out, then replay at once" }).click();
    await expect(lab.getByTestId("replay-attempt").first()).toHaveAttribute("data-accepted", "false");
    await expect(lab.getByTestId("replay-attempt").first()).toContainText("refused (session_revoked)");
    await expect(lab.getByTestId("time-to-reject-session")).toContainText("The session cookie was rejected");
    await expect(lab.getByTestId("time-to-reject-session")).toContainText("after logout");
    await expect(panels.session.loginButton()).toBeVisible();
  });

  test("replay lab: a JWT copy keeps working after logout, unless it was revocable", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login();
    await panels.jwt.loggedInAs("Alice");
    const lab = page.getByTestId("replay-jwt");
    await lab.getByRole("button", { name: "1 · Capture" }).click();
    await lab.getByRole("button", { name: "2 · Log out, then replay at once" }).click();
    await expect(lab.getByTestId("replay-attempt").first()).toContainText("access token: ACCEPTED");
    await expect(lab.getByTestId("still-valid-jwt")).toContainText("nothing on the server can stop it");

    await panels.jwt.root.getByLabel("Revocable: check a deny-list on every request").check();
    await panels.jwt.login();
    await panels.jwt.loggedInAs("Alice");
    // A revocable token costs a store lookup on every request: the state is back.
    await panels.jwt.callApi();
    await expect(panels.jwt.root.getByTestId("timeline-entry").first().getByTestId("timeline-timing")).toHaveAttribute("data-lookups", "1");
    await lab.getByRole("button", { name: "1 · Capture" }).click();
    await lab.getByRole("button", { name: "2 · Log out, then replay at once" }).click();
    await expect(lab.getByTestId("replay-attempt").first()).toContainText("refused (token_revoked)");
  });

  test("replay lab: hybrid refresh is refused at once, the access token lives out its exp", async ({ page, panels }) => {
    await page.goto("/");
    await panels.hybrid.login("bob");
    await panels.hybrid.loggedInAs("Bob");
    const lab = page.getByTestId("replay-hybrid");
    await lab.getByRole("button", { name: "1 · Capture" }).click();
    await expect(lab).toContainText("Captured.");
    await lab.getByRole("button", { name: "2 · Log out, then replay at once" }).click();
    const attempts = lab.getByTestId("replay-attempt");
    await expect(attempts.filter({ hasText: "access token" })).toContainText("ACCEPTED");
    await expect(attempts.filter({ hasText: "refresh token" })).toContainText("refused (refresh_revoked)");
    // Which credential was rejected, and which still works and until when.
    await expect(lab.getByTestId("time-to-reject-hybrid")).toContainText("The refresh token was rejected");
    await expect(lab.getByTestId("still-valid-hybrid")).toContainText("But the captured access token still works — until its exp");
  });

  test("the refresh chain grows with each rotation, and replaying a stolen old token revokes the family", async ({ page, panels }) => {
    await page.goto("/");
    await panels.hybrid.login("carol");
    await panels.hybrid.loggedInAs("Carol");
    const chain = panels.hybrid.root.getByTestId("refresh-chain");
    await expect(chain.getByTestId("chain-link")).toHaveCount(1);
    await chain.getByRole("button", { name: "Steal a copy of the refresh token" }).click();
    await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
    await expect(chain.getByTestId("chain-link")).toHaveCount(2);
    const replay = chain.getByRole("button", { name: "Replay the stolen (old) copy" });
    await expect(replay).toBeEnabled({ timeout: 6_000 }); // after the 2 s grace window
    const answer = page.waitForResponse("**/api/hybrid/lab/replay");
    await replay.click();
    expect(await (await answer).json()).toMatchObject({ accepted: false, error: "refresh_reused" });
    // This page's own, newer token died with the family: it is logged out, and says why.
    await expect(panels.hybrid.root.getByTestId("hybrid-out-reason")).toContainText("reuse_detected");
    await expect(panels.hybrid.root.getByTestId("hybrid-out-reason")).toContainText("refresh_revoked");
  });

  test("two pages of one browser refreshing at the same moment both stay logged in", async ({ context }) => {
    const one = await context.newPage();
    await one.goto("/");
    await new LoginPanel(one, "hybrid").login("dave");
    await new LoginPanel(one, "hybrid").loggedInAs("Dave");
    const two = await context.newPage();
    await two.goto("/");
    await new LoginPanel(two, "hybrid").loggedInAs("Dave");
    await Promise.all([one.reload(), two.reload()]);
    await new LoginPanel(one, "hybrid").loggedInAs("Dave");
    await new LoginPanel(two, "hybrid").loggedInAs("Dave");
    await Promise.all([
      new LoginPanel(one, "hybrid").root.getByRole("button", { name: "Refresh now" }).click(),
      new LoginPanel(two, "hybrid").root.getByRole("button", { name: "Refresh now" }).click(),
    ]);
    for (const p of [one, two]) {
      await p.reload();
      await new LoginPanel(p, "hybrid").loggedInAs("Dave");
    }
  });

  test("a burst of 20 parallel refreshes from one token leaves the user logged in with exactly one live family", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const login = await api.post("/api/hybrid/login", { data: { username: "frank", password: DEMO_PASSWORD, } });
    expect(login.status()).toBe(200);
    const cookie = login.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")!.value.split(";")[0];
    const burst = await Promise.all(Array.from({ length: 20 }, () => api.post("/api/hybrid/refresh", { headers: { cookie } })));
    expect(burst.map((r) => r.status())).toEqual(Array(20).fill(200));
    const { access_token } = await burst[19].json();
    const devices = await (await api.get("/api/hybrid/devices", { headers: { authorization: `Bearer ${access_token}` } })).json();
    expect(devices.devices).toHaveLength(1);
    // And the browser's last cookie still refreshes.
    expect((await api.post("/api/hybrid/refresh")).status()).toBe(200);
    await api.dispose();
  });
});
