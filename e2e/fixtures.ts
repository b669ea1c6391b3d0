import { type APIResponse, test as base, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "e2e-demo-password";
export type Mode = "session" | "jwt" | "hybrid";
const TITLE: Record<Mode, string> = { session: "Session", jwt: "JWT", hybrid: "Hybrid" };

/** One mode's panel on `/`, driven the way a visitor would: by labels and roles. */
export class LoginPanel {
  readonly root: Locator;
  constructor(
    readonly page: Page,
    readonly mode: Mode,
  ) {
    this.root = page.getByTestId(`panel-${mode}`);
  }

  async login(username = "alice", password = DEMO_PASSWORD) {
    await this.root.getByLabel("Username").fill(username);
    await this.root.getByLabel("Password").fill(password);
    await this.root.getByRole("button", { name: `Log in with ${TITLE[this.mode]}` }).click();
  }

  /** Clicks "call GET /api/<mode>/mypage" and returns the status code the panel shows. */
  async callApi(): Promise<string> {
    await this.root.getByRole("button", { name: `call GET /api/${this.mode}/mypage` }).click();
    const status = this.root.getByTestId("api-status").first();
    await expect(status).toBeVisible();
    return (await status.textContent()) ?? "";
  }

  loggedInAs(name: string) {
    return expect(this.root.getByText(`Logged in as ${name}`)).toBeVisible({ timeout: 10_000 });
  }

  loginButton() {
    return this.root.getByRole("button", { name: `Log in with ${TITLE[this.mode]}` });
  }

  /** Clicks "Get a throwaway account" in this panel; returns the account the browser now remembers. */
  async getThrowawayAccount(): Promise<StoredAccount> {
    await this.root.getByRole("button", { name: /throwaway account/ }).click();
    await expect(this.root.getByRole("status").filter({ hasText: "filled it into the login forms" })).toBeVisible();
    const account = await storedAccount(this.page);
    if (!account) throw new Error("no throwaway account in localStorage");
    return account;
  }
}

/** The public-mode server (playwright.config.ts): no shared accounts, throwaway ones only. */
export const PUBLIC_BASE_URL = `http://localhost:${process.env.E2E_PUBLIC_PORT ?? 3101}`;

/** What the page keeps in localStorage about the visitor's throwaway account. */
export type StoredAccount = { username: string; password: string; displayName: string; expiresAt: string };
export const ACCOUNT_STORAGE_KEY = "loginlab.account";

export async function storedAccount(page: Page): Promise<StoredAccount | null> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), ACCOUNT_STORAGE_KEY);
  return raw ? (JSON.parse(raw) as StoredAccount) : null;
}

/** Every collapsible section of the panels (app/components/section.tsx): closed by default. */
export const SECTIONS = [
  "session-anatomy",
  "session-devices",
  "session-timeline",
  "jwt-token",
  "jwt-transports",
  "jwt-timeline",
  "hybrid-token",
  "hybrid-chain",
  "hybrid-devices",
  "hybrid-timeline",
];

/**
 * `openSections` (default true): the browser starts with every section open, as a visitor who
 * opened them all — most specs drive what is inside. Specs about the first screen turn it off.
 */
/** Opens every section in a browser context the test made itself (the `page` fixture does this on its own). */
export async function openAllSections(context: import("@playwright/test").BrowserContext) {
  await context.addInitScript((ids) => {
    if (!localStorage.getItem("loginlab.sections")) localStorage.setItem("loginlab.sections", JSON.stringify(Object.fromEntries(ids.map((id) => [id, true]))));
  }, SECTIONS);
}

export const test = base.extend<{ panels: Record<Mode, LoginPanel>; openSections: boolean }>({
  openSections: [true, { option: true }],
  page: async ({ page, openSections }, use) => {
    if (openSections) await openAllSections(page.context());
    await use(page);
  },
  panels: async ({ page }, use) => {
    await use({ session: new LoginPanel(page, "session"), jwt: new LoginPanel(page, "jwt"), hybrid: new LoginPanel(page, "hybrid") });
  },
});
export { expect };

/** The value of one cookie a response set (API clients get them from Set-Cookie, like curl). */
export function setCookie(res: APIResponse, name: string): { value: string; attributes: string } | null {
  for (const h of res.headersArray()) {
    if (h.name.toLowerCase() !== "set-cookie") continue;
    const [pair, ...attrs] = h.value.split(";");
    const eq = pair.indexOf("=");
    if (pair.slice(0, eq).trim() === name) return { value: pair.slice(eq + 1), attributes: attrs.join(";").trim() };
  }
  return null;
}

/** Flips one character in the middle of a string: a one-byte tamper. */
export function tamper(value: string, at = Math.floor(value.length / 2)): string {
  const c = value[at];
  return value.slice(0, at) + (c === "A" ? "B" : "A") + value.slice(at + 1);
}

export const SESSION_COOKIE = "__Host-ll_session";
export const REFRESH_COOKIE = "__Secure-ll_refresh";
export const JWT_COOKIE = "__Host-ll_jwt";
