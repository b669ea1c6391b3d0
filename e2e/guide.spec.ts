import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { type Answers, QUESTIONS } from "../lib/guide";
import en from "../messages/en.json" with { type: "json" };
import { expect, type Mode, test } from "./fixtures";

/** The English a visitor reads for one of the guide's message keys (lib/guide.ts holds keys). */
const english = (key: string): string => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en.guide) as string;

/**
 * The selection guide (/guide, claims G1 and G2): a plain GET form whose answers live in the URL.
 * Filled the way a visitor would — by each question's legend and each answer's label — for typical
 * profiles; the recommendation must follow the URL alone, and no query string may break the page.
 */

const TITLE: Record<Mode, string> = { session: "Session", jwt: "JWT", hybrid: "Hybrid" };

const PROFILES: { name: string; answers: Answers; mode: Mode }[] = [
  {
    name: "a classic server-rendered site on one server",
    answers: { app: "ssr", clients: "browser", services: "one", domains: "one", revocation: "minutes", servers: "one", stakes: "medium" },
    mode: "session",
  },
  {
    name: "an SPA with a mobile app and several services",
    answers: { app: "spa", clients: "mobile", services: "many", domains: "one", revocation: "minutes", servers: "many", stakes: "medium" },
    mode: "hybrid",
  },
  {
    name: "microservices with third-party clients, expiry is fine",
    answers: { app: "none", clients: "third", services: "many", domains: "one", revocation: "expiry", servers: "apart", stakes: "low" },
    mode: "jwt",
  },
];

/** The query string the form produces: checked radios in document order, which is the questions' order. */
function queryOf(answers: Answers): string {
  return new URLSearchParams(QUESTIONS.flatMap((q) => (answers[q.id] ? [[q.id, answers[q.id] as string]] : []))).toString();
}

async function answer(page: Page, answers: Answers) {
  for (const q of QUESTIONS) {
    const id = answers[q.id];
    if (!id) continue;
    const label = (q.answers as readonly { id: string; label: string }[]).find((a) => a.id === id)?.label;
    if (!label) throw new Error(`no answer ${id} to ${q.id}`);
    await page.getByRole("group", { name: english(q.text) }).getByRole("radio", { name: english(label), exact: true }).check();
  }
}

async function expectRecommendation(page: Page, mode: Mode) {
  const rec = page.getByTestId("guide-recommendation");
  await expect(rec).toHaveAttribute("data-mode", mode);
  await expect(page.getByTestId("guide-mode")).toHaveText(TITLE[mode]);
  await expect(page.getByRole("heading", { level: 2, name: `Recommended: ${TITLE[mode]}` })).toBeVisible();
  // Every reason names its claim and links to a demo.
  const reasons = page.getByTestId("guide-reasons").getByRole("listitem");
  expect(await reasons.count()).toBeGreaterThan(0);
  for (const item of await reasons.all()) {
    await expect(item.getByTestId("claim")).toHaveText(/^claim [STG]\d+$/);
    await expect(item.getByRole("link")).toHaveAttribute("href", /^\/(#session|#jwt|#hybrid|#replay-lab|lab\/xss|lab\/attacker|compare|scale)$/);
  }
  expect(await page.getByTestId("guide-gives-up").getByRole("listitem").count()).toBeGreaterThan(0);
}

test.describe("selection guide", () => {
  test("the header links to it; with no answers there is only the form", async ({ page }) => {
    await page.goto("/compare");
    await page.getByRole("banner").getByRole("link", { name: "guide", exact: true }).click();
    await expect(page).toHaveURL(/\/guide$/);
    await expect(page.getByRole("heading", { level: 1, name: "Which login should I use?" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "The questions" })).toBeVisible();
    await expect(page.getByTestId("guide-recommendation")).toHaveCount(0);
    await expect(page.getByRole("group")).toHaveCount(QUESTIONS.length);
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  });

  for (const p of PROFILES) {
    test(`${p.name} → ${p.mode}; the URL carries the answers, and opening it again shows the same`, async ({ page, browser }) => {
      await page.goto("/guide");
      await answer(page, p.answers);
      await page.getByRole("button", { name: "Recommend" }).click();
      await page.waitForURL(/\/guide\?/);
      await expectRecommendation(page, p.mode);

      const url = new URL(page.url());
      for (const q of QUESTIONS) expect(url.searchParams.getAll(q.id), q.id).toEqual(p.answers[q.id] ? [p.answers[q.id]] : []);
      expect(url.search).toBe(`?${queryOf(p.answers)}`);
      await expect(page.getByTestId("guide-share")).toHaveAttribute("href", `/guide?${queryOf(p.answers)}`);
      const reasons = await page.getByTestId("guide-reasons").innerText();

      // Shared: another browser, no history, the URL alone.
      const other = await browser.newContext({ baseURL: url.origin });
      try {
        const shared = await other.newPage();
        const res = await shared.goto(`/guide?${queryOf(p.answers)}`);
        expect(res?.status()).toBe(200);
        await expectRecommendation(shared, p.mode);
        expect(await shared.getByTestId("guide-reasons").innerText()).toBe(reasons);
        // The form comes back filled in, ready to change one answer.
        for (const q of QUESTIONS) {
          const id = p.answers[q.id];
          if (id) await expect(shared.locator(`input[type=radio][name="${q.id}"][value="${id}"]`)).toBeChecked();
        }
      } finally {
        await other.close();
      }
    });
  }

  test("an incomplete profile: recommends from what is answered, and says what would change it", async ({ page }) => {
    await page.goto(`/guide?${queryOf({ app: "spa", clients: "browser" })}`);
    await expectRecommendation(page, "session");
    await expect(page.getByTestId("guide-answered")).toContainText(`From 2 of ${QUESTIONS.length} answers.`);
    const open = page.getByTestId("guide-open");
    await expect(open).toContainText("Does one login have to work on several sites?");
    await expect(open).toContainText("“Yes: several domains” would make it JWT");
  });

  test("garbage in the query string: the empty form, no error; a valid answer among garbage still counts", async ({ page }) => {
    const garbage = [
      "app=SSR&clients=web&revocation=now",
      "__proto__=1&constructor=2&toString=3&app[]=ssr",
      `stakes=${"high".repeat(500)}&servers=%00&x=%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
      "app=%E0%A4%A&=&&&==",
    ];
    for (const q of garbage) {
      const res = await page.goto(`/guide?${q}`);
      expect(res?.status(), q).toBe(200);
      await expect(page.getByRole("heading", { level: 2, name: "The questions" }), q).toBeVisible();
      await expect(page.getByTestId("guide-recommendation"), q).toHaveCount(0);
      await expect(page.getByRole("radio", { checked: true }), q).toHaveCount(0);
    }
    await page.goto("/guide?foo=bar&app=nonsense&app=ssr&revocation=instant&stakes=%3Cb%3E");
    await expectRecommendation(page, "session");
    await expect(page.getByTestId("guide-share")).toHaveAttribute("href", "/guide?app=ssr&revocation=instant");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the form still works: a plain GET, the recommendation rendered by the server", async ({ page }) => {
      const p = PROFILES[1];
      await page.goto("/guide");
      await answer(page, p.answers);
      await page.getByRole("button", { name: "Recommend" }).click();
      await page.waitForURL(/\/guide\?/);
      expect(new URL(page.url()).search).toBe(`?${queryOf(p.answers)}`);
      await expectRecommendation(page, p.mode);
    });
  });
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(`guide axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    test(`the empty form and a recommendation of each mode: no serious or critical violation (${scheme})`, async ({ page }) => {
      test.setTimeout(60_000);
      const found: Record<string, string[]> = {};
      for (const path of ["/guide", ...PROFILES.map((p) => `/guide?${queryOf(p.answers)}`), `/guide?${queryOf({ app: "spa" })}`]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const result = await new AxeBuilder({ page }).analyze();
        const v = result.violations
          .filter((x) => x.impact === "serious" || x.impact === "critical")
          .map((x) => `${x.id} (${x.impact}) ×${x.nodes.length}: ${x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        if (v.length) found[path] = v;
      }
      expect(found).toEqual({});
    });
  });
}

test("every control of the guide is reachable by keyboard, with a visible focus", async ({ page }) => {
  await page.goto(`/guide?${queryOf(PROFILES[0].answers)}`);
  const radio = page.getByRole("group", { name: english(QUESTIONS[0].text) }).getByRole("radio", { checked: true });
  await radio.focus();
  await page.keyboard.press("ArrowDown");
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("type", "radio");
  const outline = await focused.evaluate((e) => {
    const s = getComputedStyle(e);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Recommend" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.searchParams.get("app") === "spa");
  await expectRecommendation(page, "session");
});
