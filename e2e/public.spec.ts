import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, LoginPanel, type Mode, PUBLIC_BASE_URL, test } from "./fixtures";

/**
 * Public mode (production without DEMO_PASSWORD): no shared accounts; every visitor gets a
 * throwaway account of their own. Against the second e2e server (playwright.config.ts).
 */
test.use({ baseURL: PUBLIC_BASE_URL });

const MODES: Mode[] = ["session", "jwt", "hybrid"];
const THROWAWAY_USERNAME = /^[a-z]+-[a-z2-7]{12}$/;

/** A visitor with a browser of their own (own cookie jar and localStorage), logged in with Session mode on a throwaway account. */
async function visitor(browser: Browser) {
  const context = await browser.newContext({ baseURL: PUBLIC_BASE_URL });
  const page = await context.newPage();
  await page.goto("/");
  const panel = new LoginPanel(page, "session");
  const account = await panel.getThrowawayAccount();
  await panel.loginButton().click();
  await panel.loggedInAs(account.displayName);
  return { context, page, account };
}

test.describe("public mode", () => {
  test("no demo password, no alice in the forms, and alice does not exist", async ({ page, panels, request }) => {
    await page.goto("/");
    await expect(page.getByTestId("demo-password")).toHaveCount(0);
    await expect(page.getByText("Demo users")).toHaveCount(0);
    for (const mode of MODES) {
      await expect(panels[mode].root.getByLabel("Username")).toHaveValue("");
      await expect(panels[mode].root.getByText("No shared accounts here.")).toBeVisible();
      await expect(panels[mode].root.getByRole("button", { name: "Get a throwaway account" })).toBeVisible();
    }
    for (const mode of MODES) {
      const res = await request.post(`/api/${mode}/login`, { data: { username: "alice", password: DEMO_PASSWORD } });
      expect(res.status(), `${mode} login as alice`).toBe(401);
    }
    await panels.session.login("alice", DEMO_PASSWORD);
    await expect(panels.session.root.getByRole("alert")).toContainText("Invalid username or password");
  });

  test("one click fills all three forms, a reload keeps it, and each mode logs in with it", async ({ page, panels }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto("/");
    const account = await panels.jwt.getThrowawayAccount();
    expect(account.username).toMatch(THROWAWAY_USERNAME);
    expect(Date.parse(account.expiresAt)).toBeGreaterThan(Date.now());
    await page.reload();
    for (const mode of MODES) {
      const root = panels[mode].root;
      await expect(root.getByLabel("Username")).toHaveValue(account.username);
      await expect(root.getByLabel("Password")).toHaveValue(account.password);
      await expect(root.getByTestId("throwaway-account")).toContainText(`Your throwaway account ${account.username}, deleted at`);
    }
    await page.screenshot({ path: test.info().outputPath("public-home-filled.png"), fullPage: true });
    for (const mode of MODES) {
      await panels[mode].loginButton().click();
      await panels[mode].loggedInAs(account.displayName);
      expect(await panels[mode].callApi()).toBe("200");
    }
  });

  test("two visitors, two accounts: neither sees the other's devices", async ({ browser, request }) => {
    const a = await visitor(browser);
    const b = await visitor(browser);
    expect(a.account.username).not.toBe(b.account.username);
    // b logs in once more, from another device.
    const other = await request.post("/api/session/login", { data: { username: b.account.username, password: b.account.password } });
    expect(other.status()).toBe(200);

    for (const [v, count] of [
      [a, 1],
      [b, 2],
    ] as const) {
      await v.page.goto("/session/mypage");
      await expect(v.page.getByText(v.account.username).first()).toBeVisible();
      const devices = v.page.getByTestId("session-devices").getByTestId("device");
      await expect(devices).toHaveCount(count);
      await expect(devices.filter({ hasText: "this device" })).toHaveCount(1);
    }
    await a.context.close();
    await b.context.close();
  });

  test("POST /api/demo-accounts: 201 with a usable account, never cached; cross-site refused", async ({ request }) => {
    const res = await request.post("/api/demo-accounts");
    expect(res.status()).toBe(201);
    expect(res.headers()["cache-control"]).toBe("no-store");
    const body = (await res.json()) as { username: string; password: string; expiresAt: string };
    expect(body.username).toMatch(THROWAWAY_USERNAME);
    expect(body.password).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    const login = await request.post("/api/jwt/login", { data: { username: body.username, password: body.password } });
    expect(login.status()).toBe(200);

    const crossSite = await request.post("/api/demo-accounts", { headers: { origin: "https://attacker.example" } });
    expect(crossSite.status()).toBe(403);
  });
});
