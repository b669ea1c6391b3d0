import { DEMO_PASSWORD, expect, type LoginPanel, PUBLIC_BASE_URL, test } from "./fixtures";

/**
 * What the screens say, held against what the app does: the CSP toggle of the XSS lab, the filled-in
 * forms of the first screen, the JWT panel's flow and labs in its cookie transport.
 */

async function chooseCookieTransport(jwt: LoginPanel) {
  await jwt.root.getByRole("radio", { name: /HttpOnly cookie/ }).check();
}

/** Posts the XSS lab's ready payload as a comment. */
async function postPayload(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Load the ready payload" }).click();
  await page.getByRole("button", { name: "Post comment" }).click();
}

test.describe("the XSS lab's policy is the one it says", () => {
  test("'Turn it on' really turns the Content-Security-Policy on: the payload is blocked", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("alice");
    await panels.jwt.loggedInAs("Alice");
    await page.goto("/lab/xss");
    await expect(page.getByTestId("csp-state")).toHaveAttribute("data-csp", "off");
    expect((await page.request.delete("/api/lab/inbox")).status()).toBe(200);
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    await page.getByTestId("csp-state").getByRole("link", { name: "Turn it on" }).click();
    await expect(page).toHaveURL(/\/lab\/xss\?csp=on$/);
    await expect(page.getByTestId("csp-state")).toHaveAttribute("data-csp", "on");
    await postPayload(page);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await page.waitForTimeout(1_500);
    expect((await (await page.request.get("/api/lab/inbox")).json()).deliveries).toEqual([]);

    // And off again: the payload runs.
    await page.getByTestId("csp-state").getByRole("link", { name: "Turn it off" }).click();
    await expect(page.getByTestId("csp-state")).toHaveAttribute("data-csp", "off");
    await postPayload(page);
    await expect(page.getByTestId("delivery").first()).toContainText("JWT from localStorage: eyJ", { timeout: 10_000 });
  });

  test("reached by a link from a page with the policy, the lab loads itself again without it, so the payload runs as the lab says", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link", { name: "XSS lab" }).click();
    await expect(page.getByTestId("csp-state")).toHaveAttribute("data-csp", "off");
    expect((await page.request.delete("/api/lab/inbox")).status()).toBe(200);
    await postPayload(page);
    await expect(page.getByTestId("delivery").first()).toBeVisible({ timeout: 10_000 });
  });
});

test.describe("the first screen", () => {
  test.use({ openSections: false, viewport: { width: 1440, height: 900 } });

  test("the forms are filled in, as step 1 says, and every Log in button and 'What your browser holds' is on the first screen", async ({ page, panels }) => {
    await page.goto("/");
    await expect(page.getByTestId("start-here")).toContainText("The forms are filled in for you");
    for (const panel of Object.values(panels)) {
      await expect(panel.root.getByLabel("Username")).toHaveValue("alice");
      await expect(panel.root.getByLabel("Password")).toHaveValue(DEMO_PASSWORD);
      for (const target of [panel.loginButton(), panel.root.getByRole("heading", { name: "What your browser holds" })]) {
        const box = await target.boundingBox();
        expect(box, `${panel.mode}: ${await target.textContent()}`).not.toBeNull();
        expect(box!.y + box!.height, `${panel.mode}: ${await target.textContent()}`).toBeLessThanOrEqual(900);
      }
    }
    // Filled in means it works as it stands: one click logs in.
    await panels.session.loginButton().click();
    await panels.session.loggedInAs("Alice");
  });

  test("in public mode, step 1 says to get a throwaway account first (there is no shared user to fill in)", async ({ page }) => {
    await page.goto(`${PUBLIC_BASE_URL}/`);
    await expect(page.getByTestId("start-here")).toContainText("Get a throwaway account on any panel");
    await expect(page.getByTestId("start-here")).not.toContainText("filled in for you");
    await expect(page.getByTestId("panel-session").getByLabel("Password")).toHaveValue("");
  });
});

test.describe("the JWT panel in its cookie transport", () => {
  test("its flow shows the cookie the browser sends, not a Bearer header added by script", async ({ page, panels }) => {
    await page.goto("/");
    await chooseCookieTransport(panels.jwt);
    await panels.jwt.login("carol");
    await panels.jwt.loggedInAs("Carol");
    await panels.jwt.callApi();
    await panels.jwt.root.locator("summary", { hasText: "How it flows" }).click();
    const flow = panels.jwt.root.getByTestId("flow-jwt");
    await expect(flow).toHaveAttribute("data-transport", "cookie");
    await expect(flow.getByTestId("flow-step-request")).toContainText("GET /api/jwt/mypage + the JWT cookie (sent by the browser itself)");
    await expect(flow).not.toContainText("Authorization: Bearer");
    await expect(flow.getByTestId("flow-step-request")).toHaveAttribute("data-status", "200");
    // The timeline row of that request shows the cookie too, and no Authorization header.
    await expect(panels.jwt.root.getByTestId("timeline-entry").first()).not.toContainText("Authorization");

    // Back to localStorage: the flow follows.
    await panels.jwt.root.getByRole("radio", { name: /localStorage/ }).check();
    await expect(flow).toHaveAttribute("data-transport", "bearer");
    await expect(flow.getByTestId("flow-step-request")).toContainText("Authorization: Bearer (added by script)");
  });

  test("the forged-credentials lab works from the JWT cookie: each forgery refused, with its reason", async ({ page, panels }) => {
    await page.goto("/");
    await chooseCookieTransport(panels.jwt);
    await panels.jwt.login("dave");
    await panels.jwt.loggedInAs("Dave");
    expect(await page.evaluate(() => localStorage.getItem("loginlab.jwt"))).toBeNull();
    const lab = page.locator("section", { has: page.getByRole("heading", { name: /Forged credentials/ }) });
    await lab.getByRole("button", { name: "alg: none" }).click();
    await expect(lab.getByTestId("forge-alg_none")).toContainText("401 jwt_cookie_invalid (");
    await expect(lab).not.toContainText("Log in on the JWT panel first");
    await expect(lab).toContainText("the server made each forgery from the cookie's token");
    await lab.getByRole("button", { name: "expired", exact: true }).click();
    await expect(lab.getByTestId("forge-expired")).toContainText("401 jwt_cookie_expired");
    // The answer never carries the forgery: it was made from an HttpOnly cookie.
    const res = await page.request.post("/api/lab/forge", { data: { kind: "alg_none", from: "jwt_cookie" } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ status: 401, error: "jwt_cookie_invalid", reason: expect.any(String) });
  });

  test("without any JWT login the lab still says to log in first (either transport)", async ({ page }) => {
    await page.goto("/");
    const lab = page.locator("section", { has: page.getByRole("heading", { name: /Forged credentials/ }) });
    await lab.getByRole("button", { name: "alg: none" }).click();
    await expect(lab).toContainText("Log in on the JWT panel first (either transport)");
  });

  test("the XSS inbox says where the JWT is when it is not in localStorage, next to the cookie it used", async ({ page, panels }) => {
    await page.goto("/");
    await chooseCookieTransport(panels.jwt);
    await panels.jwt.login("erin");
    await panels.jwt.loggedInAs("Erin");
    await page.goto("/lab/xss");
    await expect(page.getByTestId("csp-state")).toHaveAttribute("data-csp", "off");
    expect((await page.request.delete("/api/lab/inbox")).status()).toBe(200);
    await postPayload(page);
    const delivery = page.getByTestId("delivery").first();
    await expect(delivery.getByTestId("jwt-cookie-use")).toContainText("GET /api/jwt/mypage → 200", { timeout: 10_000 });
    await expect(delivery).toContainText("JWT from localStorage: none — this browser's JWT lives in the HttpOnly cookie");
    await expect(delivery).not.toContainText("not logged in with JWT");
  });
});
