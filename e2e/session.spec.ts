import { expect, SESSION_COOKIE, tamper, test } from "./fixtures";

test.describe("Session mode", () => {
  test("logs in, opens /mypage, survives a reload, logs out and is refused", async ({ page, panels, context }) => {
    await page.goto("/");
    await panels.session.login();
    await panels.session.loggedInAs("Alice");

    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie, "the session cookie is set").toBeTruthy();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie!.value).toMatch(/^Fe26\.2\*/); // an iron seal: nothing readable inside
    expect(await page.evaluate(() => document.cookie)).not.toContain("ll_session");
    await expect(panels.session.root.getByTestId("document-cookie")).toHaveText('"" (empty)');

    expect(await panels.session.callApi()).toBe("200");

    await panels.session.root.getByRole("link", { name: "Open /session/mypage" }).click();
    await expect(page).toHaveURL(/\/session\/mypage$/);
    await expect(page.getByRole("heading", { name: "Welcome, Alice" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Welcome, Alice" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("session-mypage.png") });

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(panels.session.loginButton()).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

    await page.goto("/session/mypage");
    await expect(page).toHaveURL(/\?next=%2Fsession%2Fmypage&reason=session_missing/);

    // The old cookie, replayed after logout: its row is gone, so the very next request fails.
    await context.addCookies([cookie!]);
    await page.goto("/session/mypage");
    await expect(page).toHaveURL(/reason=session_revoked/);
    await expect(panels.session.root.getByTestId("session-returned")).toContainText("no longer exists on the server");
  });

  test("a visit to /session/mypage without a session goes to the panel and comes back after login", async ({ page, panels }) => {
    await page.goto("/session/mypage");
    await expect(page).toHaveURL(/next=%2Fsession%2Fmypage/);
    await expect(panels.session.root.getByTestId("session-returned")).toContainText("/session/mypage needs a session");
    await panels.session.login("bob");
    await expect(page).toHaveURL(/\/session\/mypage$/);
    await expect(page.getByRole("heading", { name: "Welcome, Bob" })).toBeVisible();
  });

  test("a tampered session cookie is refused", async ({ page, panels, context }) => {
    await page.goto("/");
    await panels.session.login();
    await panels.session.loggedInAs("Alice");
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    await context.addCookies([{ ...cookie, value: tamper(cookie.value) }]);

    await page.goto("/session/mypage");
    await expect(page).toHaveURL(/reason=session_invalid/);
    const res = await page.request.get("/api/session/mypage");
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toBe("session_invalid");
  });

  test("wrong password and unknown user get the same single message; empty fields get field errors", async ({ page, panels }) => {
    await page.goto("/");
    await panels.session.login("bob", "not-the-password");
    const alert = panels.session.root.getByRole("alert");
    await expect(alert).toHaveText("Invalid username or password.");
    await panels.session.login("nobody-here", "not-the-password");
    await expect(alert).toHaveText("Invalid username or password.");

    await panels.session.login("bob", "");
    await expect(panels.session.root.getByText("Enter a password.")).toBeVisible();
    await expect(panels.session.root.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  });
});
