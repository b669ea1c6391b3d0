import { expect, test } from "./fixtures";

test.describe("attack labs and hardening", () => {
  test("XSS lab: the payload steals the JWT, which works elsewhere; HttpOnly cookies stay unreadable but usable", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("bob");
    await panels.jwt.loggedInAs("Bob");
    await panels.session.login("bob");
    await panels.session.loggedInAs("Bob");
    await page.goto("/lab/xss");
    await expect(page.getByTestId("csp-state")).toContainText("off");
    await page.request.delete("/api/lab/inbox");
    await page.getByRole("button", { name: "Load the ready payload" }).click();
    await page.getByRole("button", { name: "Post comment" }).click();
    const delivery = page.getByTestId("delivery").first();
    await expect(delivery).toContainText("JWT from localStorage: eyJ", { timeout: 10_000 });
    await expect(delivery.getByTestId("stolen-cookie")).toHaveText('""');
    await expect(delivery).toContainText('"username":"bob"'); // the session cookie, used by the script
    await delivery.getByRole("button", { name: "Attacker: call GET /api/jwt/mypage with it" }).click();
    await expect(delivery.getByTestId("attacker-status")).toHaveText("200");
  });

  test("XSS lab: with the Content-Security-Policy on, the payload never runs", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("alice");
    await panels.jwt.loggedInAs("Alice");
    const mine = await page.evaluate(() => localStorage.getItem("loginlab.jwt"));
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    await page.goto("/lab/xss?csp=on");
    await expect(page.getByTestId("csp-state")).toContainText("on");
    await page.getByRole("button", { name: "Load the ready payload" }).click();
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await page.waitForTimeout(1_500);
    // (Other tests may use the shared inbox at the same time: look for this page's token only.)
    const deliveries: { jwt: string | null }[] = (await (await page.request.get("/api/lab/inbox")).json()).deliveries;
    expect(deliveries.filter((d) => d.jwt === mine)).toEqual([]);
  });

  test("every page carries a nonce CSP, frame-ancestors and the other security headers", async ({ request }) => {
    for (const path of ["/", "/compare", "/jwt/mypage"]) {
      const res = await request.get(path);
      const csp = res.headers()["content-security-policy"];
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["referrer-policy"]).toBe("same-origin");
    }
    const [a, b] = [await request.get("/"), await request.get("/")];
    expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]); // a fresh nonce each time
  });

  test("state-changing requests from another origin are refused before they act", async ({ request }) => {
    for (const path of ["/api/session/logout", "/api/hybrid/refresh", "/api/hybrid/logout", "/api/session/login"]) {
      const res = await request.post(path, { headers: { origin: "http://evil.example", "content-type": "application/json" }, data: {} });
      expect(res.status(), path).toBe(403);
      expect((await res.json()).error).toBe("cross_site_request");
    }
  });
});
