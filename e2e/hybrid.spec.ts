import { expect, REFRESH_COOKIE, test } from "./fixtures";

test.describe("Hybrid mode", () => {
  test("logs in, refreshes silently on reload (rotating the cookie), logs out and is refused", async ({ page, panels, context }) => {
    // A first visit has no refresh cookie, so it sends no refresh request: no 401, no red line.
    const refreshes: string[] = [];
    page.on("request", (r) => r.url().includes("/api/hybrid/refresh") && refreshes.push(r.url()));
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/");
    await expect(panels.hybrid.loginButton()).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(refreshes).toEqual([]);
    expect(errors).toEqual([]);
    await expect(panels.hybrid.root.getByTestId("timeline-entry")).toHaveCount(0);
    await panels.hybrid.login();
    await panels.hybrid.loggedInAs("Alice");

    const first = (await context.cookies()).find((c) => c.name === REFRESH_COOKIE);
    expect(first).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/api/hybrid/refresh" });
    const documentCookie = await page.evaluate(() => document.cookie);
    expect(documentCookie).not.toContain(`${REFRESH_COOKIE}=`);
    expect(documentCookie).toContain("ll_refresh_hint=1"); // the companion: no secret, only "a refresh is worth trying"
    // Nothing of the login in storage (the only entry is which panel sections are open).
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== "loginlab.sections"))).toEqual([]);
    expect(await panels.hybrid.callApi()).toBe("200");

    // The access token lived in memory: a reload trades the refresh cookie for a new pair.
    const refresh = page.waitForResponse("**/api/hybrid/refresh");
    await page.reload();
    expect((await refresh).status()).toBe(200);
    await panels.hybrid.loggedInAs("Alice");
    const second = (await context.cookies()).find((c) => c.name === REFRESH_COOKIE);
    expect(second?.value).toBeTruthy();
    expect(second?.value).not.toBe(first!.value);

    await panels.hybrid.root.getByRole("link", { name: "Open /hybrid/mypage" }).click();
    await expect(page.getByRole("heading", { name: "Welcome, Alice" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Welcome, Alice" })).toBeVisible();

    await page.goto("/");
    await panels.hybrid.loggedInAs("Alice");
    await panels.hybrid.root.getByRole("button", { name: "Log out" }).click();
    await expect(panels.hybrid.loginButton()).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === REFRESH_COOKIE)).toBeUndefined();

    await page.goto("/hybrid/mypage");
    await expect(page.getByTestId("token-refused")).toBeVisible();
    await expect(page.getByTestId("protected-data")).toHaveCount(0);

    // The logged-out cookie, put back: its family is revoked.
    await context.addCookies([second!]);
    const res = await page.request.post("/api/hybrid/refresh");
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toBe("refresh_revoked");
  });

  test("replaying a rotated refresh token revokes the whole family", async ({ page, panels, context }) => {
    await page.goto("/");
    await panels.hybrid.login("bob");
    await panels.hybrid.loggedInAs("Bob");
    const stolen = (await context.cookies()).find((c) => c.name === REFRESH_COOKIE)!;
    const hint = (await context.cookies()).find((c) => c.name === "ll_refresh_hint")!;
    await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === REFRESH_COOKIE)?.value).not.toBe(stolen.value);
    const current = (await context.cookies()).find((c) => c.name === REFRESH_COOKIE)!;

    await context.addCookies([stolen]);
    await page.waitForTimeout(2_200); // past the grace window (2 s in e2e)
    const reuse = await page.request.post("/api/hybrid/refresh");
    expect(reuse.status()).toBe(401);
    expect((await reuse.json()).error).toBe("refresh_reused");

    // The legitimate holder's newer token died with the family.
    // (The thief's request shared this test's cookie jar and cleared the hint there; the victim's browser still has it.)
    await context.addCookies([current, hint]);
    await page.reload();
    await expect(panels.hybrid.root.getByTestId("hybrid-out-reason")).toContainText("refresh_revoked");
    // A refusal in refusal colours: red under the red badge, never the mode's green.
    await expect(panels.hybrid.root.getByTestId("hybrid-out-reason")).toHaveClass(/bg-red-50/);
    await expect(page.getByTestId("hybrid-badge")).toHaveText("Revoked");
  });
});
