import { expect, test } from "./fixtures";

test.describe("three panels side by side", () => {
  test("all three modes log in independently in one browser, and each keeps its own state", async ({ page, panels }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto("/");
    await panels.session.login("alice");
    await panels.session.loggedInAs("Alice");
    await panels.jwt.login("bob");
    await panels.jwt.loggedInAs("Bob");
    await panels.hybrid.login("alice");
    await panels.hybrid.loggedInAs("Alice");
    for (const mode of ["session", "jwt", "hybrid"] as const) {
      await expect(page.getByTestId(`${mode}-badge`)).toHaveText("Logged in");
      expect(await panels[mode].callApi()).toBe("200");
    }
    await page.screenshot({ path: test.info().outputPath("home-all-logged-in.png"), fullPage: true });
    // Logging out of one mode leaves the others alone.
    await panels.jwt.root.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByTestId("jwt-badge")).toHaveText("Logged out");
    await expect(page.getByTestId("session-badge")).toHaveText("Logged in");
    await expect(page.getByTestId("hybrid-badge")).toHaveText("Logged in");
    await page.screenshot({ path: test.info().outputPath("home-logged-in.png"), fullPage: true });
  });

  test("nothing overflows a 375 px wide screen, logged in", async ({ page, panels }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await panels.jwt.login();
    await panels.jwt.loggedInAs("Alice");
    await panels.hybrid.login();
    await panels.hybrid.loggedInAs("Alice");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: test.info().outputPath("home-375.png"), fullPage: true });
  });
});
