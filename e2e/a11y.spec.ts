import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, type LoginPanel, test } from "./fixtures";

/**
 * axe-core on every page, light and dark, logged out and with all three panels logged in: no
 * serious or critical violation. And every control can be reached by keyboard, with a visible focus.
 */
const PAGES = ["/", "/claims", "/guide", "/scale", "/compare", "/session/mypage", "/jwt/mypage", "/hybrid/mypage", "/lab/xss", "/lab/attacker"];

async function violations(page: Page) {
  // Let client components settle (countdowns, lists loaded after mount).
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function logInEverywhere(page: Page, panels: Record<"session" | "jwt" | "hybrid", LoginPanel>, user: string) {
  await page.goto("/");
  for (const mode of ["session", "jwt", "hybrid"] as const) {
    await panels[mode].login(user);
    await panels[mode].loggedInAs(user[0].toUpperCase() + user.slice(1));
  }
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test(`every page, logged out: no serious or critical violation (${scheme})`, async ({ page }) => {
      test.setTimeout(90_000);
      const found: Record<string, string[]> = {};
      for (const path of PAGES) {
        await page.goto(path);
        const v = await violations(page);
        if (v.length) found[path] = v;
      }
      expect(found).toEqual({});
    });

    test(`every page, all three panels logged in: no serious or critical violation (${scheme})`, async ({ page, panels }) => {
      test.setTimeout(90_000);
      await logInEverywhere(page, panels, scheme === "light" ? "grace" : "heidi");
      const found: Record<string, string[]> = {};
      for (const path of PAGES) {
        await page.goto(path);
        if (path === "/") for (const mode of ["session", "jwt", "hybrid"] as const) await panels[mode].loggedInAs(scheme === "light" ? "Grace" : "Heidi");
        const v = await violations(page);
        if (v.length) found[path] = v;
      }
      expect(found).toEqual({});
    });
  });
}

test("every control on the home page is reachable by keyboard, with a visible focus", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const CONTROLS = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
  // A radio group is one tab stop: only its checked radio is reached.
  const expected = await page.locator(CONTROLS).evaluateAll((els) => els.filter((e) => !(e instanceof HTMLInputElement && e.type === "radio" && !e.checked) && e.getClientRects().length > 0).length);
  const invisible: string[] = [];
  for (let i = 0; i < expected + 10; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      e.dataset.kbSeen = "1";
      const s = getComputedStyle(e);
      const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== "" && s.boxShadow !== "none");
      return { what: `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 40)}"`, visible };
    });
    if (focus && !focus.visible) invisible.push(focus.what);
  }
  expect([...new Set(invisible)]).toEqual([]);
  const reached = await page.locator("[data-kb-seen]").count();
  expect(reached).toBeGreaterThanOrEqual(expected);
});
