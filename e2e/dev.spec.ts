import { expect, test } from "./fixtures";

/**
 * `npm run dev`, as the README has a newcomer start it — at both of its addresses, since the
 * cross-site lab needs two sites. Next serves its development resources only to the origins
 * next.config.ts allows; without them nothing hydrates at 127.0.0.1.
 */
const DEV = `http://localhost:${process.env.E2E_DEV_PORT ?? 3102}`;
const DEV_IP = DEV.replace("localhost", "127.0.0.1");

// A development server compiles each page on its first request: give it time.
test.describe.configure({ timeout: 120_000 });

for (const origin of [DEV_IP, DEV]) {
  test(`the cross-site lab hydrates under npm run dev at ${origin}`, async ({ page }) => {
    const failed: string[] = [];
    page.on("response", (r) => r.url().includes("/_next/") && r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(`${origin}/lab/attacker`, { timeout: 90_000 });
    const other = origin === DEV_IP ? DEV : DEV_IP;
    // Hydrated: the page's script fills in the other address, and its buttons are there.
    await expect(page.getByTestId("victim-origin")).toHaveText(other, { timeout: 60_000 });
    await expect(page.getByRole("button", { name: "2 · Cross-site fetch with credentials" })).toBeEnabled();
    await expect(page.getByRole("button", { name: "1 · Cross-site form POST" })).toBeVisible();
    expect(failed).toEqual([]);
  });
}

test("the home page hydrates at 127.0.0.1 under npm run dev, with no dev indicator over the panels", async ({ page }) => {
  await page.goto(`${DEV_IP}/`, { timeout: 90_000 });
  // The Hybrid panel leaves its first state only once script runs; a first visit sends no refresh.
  await expect(page.getByTestId("panel-hybrid").getByRole("button", { name: "Log in with Hybrid" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("hybrid-badge")).toHaveText("Logged out");
  await expect(page.getByTestId("jwt-badge")).toHaveText("Logged out");
  // Next's dev indicator would sit on the Session panel: nothing of Next's own shows over any panel.
  const overlaps = await page.evaluate(() => {
    const panels = [...document.querySelectorAll('[data-testid^="panel-"]')].map((p) => p.getBoundingClientRect());
    const shown = [...(document.querySelector("nextjs-portal")?.shadowRoot?.querySelectorAll("*") ?? [])].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
    });
    return shown.filter((e) => {
      const r = e.getBoundingClientRect();
      return panels.some((p) => r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top);
    }).length;
  });
  expect(overlaps).toBe(0);
});
