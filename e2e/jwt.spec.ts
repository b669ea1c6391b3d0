import { expect, tamper, test } from "./fixtures";

const storedToken = (page: import("@playwright/test").Page) => page.evaluate(() => localStorage.getItem("loginlab.jwt"));

test.describe("JWT mode", () => {
  test("logs in, keeps the token in localStorage, survives a reload, logs out but the token lives on", async ({ page, panels, context }) => {
    await page.goto("/");
    await panels.jwt.login();
    await panels.jwt.loggedInAs("Alice");

    const token = await storedToken(page);
    expect(token).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
    expect((await context.cookies()).filter((c) => c.name.includes("ll_"))).toEqual([]);
    // The payload is readable without any key: the panel decodes it.
    await expect(panels.jwt.root.getByText('"preferred_username": "alice"')).toBeVisible();

    // The API sees the token only because page script adds the header.
    const apiCall = page.waitForRequest("**/api/jwt/mypage");
    expect(await panels.jwt.callApi()).toBe("200");
    expect((await apiCall).headers().authorization).toBe(`Bearer ${token}`);

    await panels.jwt.root.getByRole("link", { name: "Open /jwt/mypage" }).click();
    await expect(page.getByRole("heading", { name: "Welcome, Alice" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Welcome, Alice" })).toBeVisible();

    await page.goto("/");
    await panels.jwt.root.getByRole("button", { name: "Log out" }).click();
    expect(await storedToken(page)).toBeNull();
    await expect(panels.jwt.root.getByTestId("jwt-still-valid")).toContainText("the token itself stays valid");
    await panels.jwt.root.getByRole("button", { name: "replay the forgotten token" }).click();
    await expect(panels.jwt.root.getByTestId("api-status").first()).toHaveText("200");

    await page.goto("/jwt/mypage");
    await expect(page.getByTestId("token-refused")).toContainText("did not send a token");
    await page.screenshot({ path: test.info().outputPath("jwt-mypage-no-token.png") });
    await expect(page.getByTestId("protected-data")).toHaveCount(0);
  });

  test("a tampered token is refused with its reason", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("bob");
    await panels.jwt.loggedInAs("Bob");
    const [h, p, s] = (await storedToken(page))!.split(".");
    await page.evaluate((t) => localStorage.setItem("loginlab.jwt", t), `${h}.${tamper(p, 10)}.${s}`);

    await page.goto("/jwt/mypage");
    await expect(page.getByTestId("token-refused")).toContainText("token_signature_invalid");
    await expect(page.getByTestId("protected-data")).toHaveCount(0);
  });
});
