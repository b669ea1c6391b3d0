import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * /claims: one test per claim of the post — it runs the row's live check and asserts the verdict
 * this instance measures. On a single instance (no cluster) the scale-out claims say what they need.
 */
const EXPECTED: Record<string, string | ((evidence: string) => string)> = {
  S1: "holds",
  S2: "caveat",
  S3: "holds",
  S4: "holds",
  S5: "holds",
  S6: "holds",
  S7: "needs_cluster",
  S8: "caveat",
  T1: "holds",
  T2: "holds",
  T3: "holds",
  T4: "caveat",
  T5: "caveat",
  T6: "holds",
  T7: "caveat",
  T8: "caveat",
  // The verdict follows the sizes the check reports: a sealed cookie smaller than the JWT header leaves the claim standing, with a caveat.
  T9: (evidence) => {
    const [, cookie, jwt] = /is ([\d,]+) B; the JWT's Authorization value, Bearer …, is ([\d,]+) B/.exec(evidence) ?? [];
    return Number(cookie.replaceAll(",", "")) < Number(jwt.replaceAll(",", "")) ? "caveat" : "does_not_hold";
  },
  T10: "holds",
  T11: "does_not_hold",
  G1: "holds",
  G2: "caveat",
  G3: "holds",
};

async function check(page: Page, id: string) {
  const row = page.getByTestId(`claim-${id}`);
  await row.getByRole("button", { name: new RegExp(`^Check ${id}( again)?$`) }).click();
  await expect(row).not.toHaveAttribute("data-verdict", "", { timeout: 15_000 });
  return row;
}

test.describe("/claims", () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    test(`${id}: the live check gives the verdict this instance measures`, async ({ page }) => {
      await page.goto("/claims");
      const row = await check(page, id);
      const evidence = (await row.getByTestId("claim-evidence").textContent()) ?? "";
      expect(evidence.length).toBeGreaterThan(20);
      const want = typeof expected === "function" ? expected(evidence) : expected;
      await expect(row).toHaveAttribute("data-verdict", want);
      // The row links to where the app demonstrates the claim in full.
      await expect(row.getByRole("link", { name: /^see the / })).toHaveAttribute("href", /^\/(#|[a-z])/);
    });
  }

  test("22 rows; a checked verdict is there for the next visitor too, with its evidence", async ({ page, browser }) => {
    await page.goto("/claims");
    await expect(page.locator('[data-testid^="claim-"][data-verdict]')).toHaveCount(22);
    await check(page, "S4");
    const other = await browser.newPage();
    await other.goto("/claims");
    await expect(other.getByTestId("claim-S4")).toHaveAttribute("data-verdict", "holds");
    await expect(other.getByTestId("claim-S4").getByTestId("claim-evidence")).toContainText("refused (session_revoked)");
    await other.close();
  });

  test("bad input to the check API: 400 with a stable code", async ({ request }) => {
    for (const data of [{ id: "S99" }, { id: 4 }, {}]) {
      const res = await request.post("/api/claims/check", { data });
      expect(res.status()).toBe(400);
      expect((await res.json()).error).toBe("invalid_body");
    }
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe after checking every claim, ${scheme}: no serious or critical violation`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/claims");
      await page.getByRole("button", { name: "Check all 22" }).click();
      await expect(page.getByTestId("claims-checked")).toHaveText("22 of 22 checked on this instance", { timeout: 60_000 });
      await expect(page.getByRole("button", { name: "Check all 22" })).toBeEnabled({ timeout: 60_000 });
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    });
  }
});
