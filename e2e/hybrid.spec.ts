import { expect, REFRESH_COOKIE, test } from "./fixtures";

test.describe("Hybrid mode", () => {
  test("logs in, refreshes silently on reload (rotating the cookie), logs out and is refused", async ({ page, panels, context }) => {
    await page.goto("/");
    await expect(panels.hybrid.root.getByTestId("hybrid-status")).toHaveCount(0); // silent refresh found no cookie
    await panels.hybrid.login();
    await panels.hybrid.loggedInAs("Alice");

    const first = (await context.cookies()).find((c) => c.name === REFRESH_COOKIE);
    expect(first).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/api/hybrid" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("ll_refresh");
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe("{}");
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
    await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === REFRESH_COOKIE)?.value).not.toBe(stolen.value);
    const current = (await context.cookies()).find((c) => c.name === REFRESH_COOKIE)!;

    await context.addCookies([stolen]);
    await page.waitForTimeout(2_200); // past the grace window (2 s in e2e)
    const reuse = await page.request.post("/api/hybrid/refresh");
    expect(reuse.status()).toBe(401);
    expect((await reuse.json()).error).toBe("refresh_reused");

    // The legitimate holder's newer token died with the family.
    await context.addCookies([current]);
    await page.reload();
    await expect(panels.hybrid.root.getByTestId("hybrid-out-reason")).toContainText("refresh_revoked");
  });
});
