import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, type Mode, test } from "./fixtures";
import { expectKorean } from "./korean";

/**
 * Korean and English. The browser here says `Accept-Language: ko-KR`, as a Korean visitor's does:
 * every page must then speak Korean, with no English left outside code (cookie names, headers,
 * reason codes and other identifiers sit in <code>/<kbd>, or in an element marked `lang="en"` or
 * `translate="no"`). The header's switch sets the NEXT_LOCALE cookie, which wins over the header.
 */
test.use({ locale: "ko-KR" });

/** Logs in on a panel through its form, whatever language its labels are in. */
async function login(page: Page, mode: Mode, user = "alice") {
  await page.locator(`#${mode}-username`).fill(user);
  await page.locator(`#${mode}-password`).fill(DEMO_PASSWORD);
  await page.locator(`#${mode}-login-form button[type="submit"]`).click();
  await expect(page.getByTestId(`${mode}-badge`)).toHaveText("로그인됨", { timeout: 10_000 });
}

test("Accept-Language: ko → the home page in Korean, logged out and with every panel logged in and opened", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/[A-Za-z]{3}/);
  await expectKorean(page);
  for (const mode of ["session", "jwt", "hybrid"] as const) await login(page, mode, mode === "jwt" ? "bob" : "alice");
  for (const mode of ["session", "jwt", "hybrid"] as const) await page.getByTestId(`panel-${mode}`).locator("button", { hasText: "GET" }).first().click();
  await expectKorean(page);
});

test("Korean wording: a particle per word, one 'logged in as', durations in 초 and 분, times without a leading zero", async ({ page }) => {
  await page.goto("/");
  // 세션으로, JWT로, 하이브리드로 — never "(으)로".
  for (const [mode, label] of [["session", "세션으로 로그인"], ["jwt", "JWT로 로그인"], ["hybrid", "하이브리드로 로그인"]] as const) {
    await expect(page.locator(`#${mode}-login-form button[type="submit"]`)).toHaveText(label);
  }
  // The demo's short idle timeout (SESSION_DEMO_IDLE_SECONDS=3 here): "3초 동안", never "3 s 동안".
  await expect(page.locator("#session-login-form").getByText(/^\d+초 동안 쓰지 않으면 세션 끝내기/)).toBeVisible();
  for (const mode of ["session", "jwt", "hybrid"] as const) await login(page, mode);
  for (const mode of ["session", "jwt", "hybrid"] as const) await expect(page.getByTestId(`${mode}-status`)).toContainText("Alice(alice) 님으로 로그인됨");
  // The idle timeout (30 minutes by default): "1800초(30분) 동안", the minutes whenever they are whole.
  const idle = page.getByTestId("panel-session").getByText(/동안 쓰지 않으면 끝납니다/);
  await expect(idle).toHaveText(/^\d+초(\(\d+분\))? 동안 쓰지 않으면 끝납니다/);
  const [, seconds, minutes] = /^(\d+)초(?:\((\d+)분\))?/.exec((await idle.textContent()) ?? "") ?? [];
  expect(minutes === undefined ? Number(seconds) % 60 !== 0 || Number(seconds) < 60 : Number(minutes) * 60 === Number(seconds)).toBe(true);
  // "오후 3:49:14", never "오후 03:49:14".
  const when = page.getByTestId("panel-session").getByTestId("when").first();
  await expect(when).toHaveText(/(오전|오후) [1-9]\d?:\d\d:\d\d/);
  await expect(when).not.toHaveText(/(오전|오후) 0\d:/);
  await expect(page.locator("main")).not.toContainText(/\d s 동안|\(으\)로/);
});

test("a simulated device is named in Korean, in the store view and in the devices list", async ({ page }) => {
  await page.goto("/");
  await login(page, "session", "mina");
  await page.getByRole("button", { name: "기기 10대 더 로그인" }).click();
  const store = page.getByTestId("store-session");
  await expect(store).toContainText(/세션 \d+개를 만들었습니다/);
  await expect(store).toContainText("시뮬레이션 기기");
  await expect(page.getByTestId("session-devices")).toContainText("시뮬레이션 기기");
  await expect(page.locator("main")).not.toContainText("Simulated device");
  await expectKorean(page);
});

for (const path of ["/claims", "/compare", "/guide", "/guide?app=spa&clients=mobile&services=many&domains=one&revocation=minutes&servers=many&stakes=medium", "/lab/xss", "/lab/attacker", "/scale", "/no-such-page"]) {
  test(`${path} in Korean`, async ({ page }) => {
    await page.goto(path);
    await expectKorean(page);
  });
}

test("each mode's /mypage in Korean once logged in", async ({ page }) => {
  await page.goto("/");
  for (const mode of ["session", "jwt", "hybrid"] as const) await login(page, mode, "carol");
  for (const mode of ["session", "jwt", "hybrid"] as const) {
    await page.goto(`/${mode}/mypage`);
    await expectKorean(page);
  }
});

test("a refusal with a particular cause is told in Korean too: an idle session, an evicted one", async ({ page, browser, request }) => {
  await page.goto("/");
  await page.locator('#session-login-form input[name="short_idle"]').check();
  await login(page, "session", "mina");
  await page.waitForTimeout(4_000);
  await page.reload();
  await expect(page.getByTestId("session-ended")).toContainText("너무 오랫동안 사용하지 않았습니다");
  await expect(page.getByTestId("session-ended")).toContainText("session_expired");
  await expectKorean(page);

  const context = await browser.newContext({ locale: "ko-KR" });
  const oldest = await context.newPage();
  await oldest.goto("/");
  // lee is this test's own user (DEMO_USERS in playwright.config.ts): twenty logins evict every older session of it.
  await login(oldest, "session", "lee");
  for (let i = 0; i < 20; i++) {
    const res = await request.post("/api/session/login", { data: { username: "lee", password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
  }
  await oldest.reload();
  await expect(oldest.getByTestId("session-ended")).toContainText("사용자당 세션은 최대 20개");
  await expectKorean(oldest);
  // The API says the same in English, with the detail's key and values for any client to word.
  const ended = await oldest.context().request.get("/api/session/mypage");
  expect(await ended.json()).toMatchObject({ error: "session_evicted", message: expect.stringContaining("at most 20 sessions per user"), detail: { key: "evicted", values: { max: 20 } } });
  await context.close();
});

test("the header's switch sets the NEXT_LOCALE cookie, which wins over Accept-Language, both ways", async ({ page, context }) => {
  await page.goto("/guide");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/guide$/);
  const cookie = (await context.cookies()).find((c) => c.name === "NEXT_LOCALE");
  expect(cookie).toMatchObject({ value: "en", httpOnly: true, sameSite: "Lax", path: "/" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expectKorean(page);
});

test("the switch works without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto("/guide");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("a forged locale cookie is ignored: Accept-Language decides", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "../../etc/passwd", url: baseURL! }]);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
});

test.describe("axe in Korean", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const path of ["/claims", "/guide?app=ssr&clients=browser&services=one&domains=one&revocation=instant&servers=one&stakes=high", "/"]) {
      test(`${path}, ${scheme}: no serious or critical violation`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        const result = await new AxeBuilder({ page }).analyze();
        expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      });
    }
  }
});
