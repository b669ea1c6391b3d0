import { spawnSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { decodeProtectedHeader } from "jose";

const A = process.env.E2E_CLUSTER_A ?? "http://127.0.0.1:3301";
const B = process.env.E2E_CLUSTER_B ?? "http://127.0.0.1:3302";
const RESOURCE = process.env.E2E_CLUSTER_RESOURCE ?? "http://127.0.0.1:3303";
const B_BROWSER = process.env.E2E_CLUSTER_B_BROWSER ?? "http://localhost:3302";
const PASSWORD = process.env.E2E_CLUSTER_PASSWORD ?? "e2e-cluster-password";

/** Runs a trial from a freshly loaded /scale and waits for its steps. */
async function runTrial(page: Page, label: string) {
  await page.getByRole("button", { name: `Run: ${label}`, exact: true }).click();
  await expect(page.getByTestId("trial-result").or(page.getByTestId("trial-problem"))).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("trial-problem")).toHaveCount(0);
}

/** The steps of the trial shown, as [process, status, code]. */
async function steps(page: Page) {
  return page.getByTestId("trial-step").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-at"), Number(r.getAttribute("data-status")), r.getAttribute("data-code")]));
}

async function jwtLogin(request: import("@playwright/test").APIRequestContext, base: string) {
  const res = await request.post(`${base}/api/jwt/login`, { data: { username: "bob", password: PASSWORD } });
  expect(res.status()).toBe(200);
  return (await res.json()).access_token as string;
}

test.describe("the cluster", () => {
  test("the lab lists A, B and the resource service, each up, with the invalidation channel listening", async ({ page }) => {
    await page.goto("/scale");
    await expect(page.getByTestId("process-A")).toHaveAttribute("data-up", "true");
    await expect(page.getByTestId("process-B")).toHaveAttribute("data-up", "true");
    await expect(page.getByTestId("process-resource")).toHaveAttribute("data-up", "true");
    await expect(page.getByTestId("process-B")).toContainText("invalidation listen/notify: listening");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    }
  });

  test("log in on A, use B: the browser's session cookie from A works on B (cookies ignore the port)", async ({ page }) => {
    await page.goto("/");
    const panel = page.getByTestId("panel-session");
    await panel.getByLabel("Username").fill("alice");
    await panel.getByLabel("Password").fill(PASSWORD);
    await panel.getByRole("button", { name: /^Log in with/ }).click();
    await expect(panel.getByText("Logged in as Alice")).toBeVisible({ timeout: 10_000 });
    await page.goto(`${B_BROWSER}/session/mypage`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Alice");
  });

  test("session, shared store: B accepts A's session, and refuses it once A has logged it out", async ({ page }) => {
    await page.goto("/scale");
    await runTrial(page, "Session, shared store");
    expect(await steps(page)).toEqual([
      ["A", 200, ""],
      ["A", 200, ""],
      ["B", 200, ""],
      ["resource", 401, "token_missing"],
      ["A", 204, ""],
      ["B", 401, "session_revoked"],
    ]);
    await expect(page.getByTestId("trial-propagation")).toContainText("ms after the logout");
    await expect(page.locator('[data-testid="trial-step"][data-as-expected="false"]')).toHaveCount(0);
  });

  test("session, per-instance memory (S7): B does not know a session A keeps in memory", async ({ page }) => {
    await page.goto("/scale");
    await runTrial(page, "Session, per-instance memory");
    const s = await steps(page);
    expect(s[1]).toEqual(["A", 200, ""]);
    expect(s[2]).toEqual(["B", 401, "session_not_on_this_instance"]);
    await expect(page.getByTestId("trial-summary")).toContainText("S7 holds");
  });

  test("JWT: B and the resource service verify with no store; after the logout both still accept it (T8)", async ({ page }) => {
    await page.goto("/scale");
    await runTrial(page, "JWT");
    expect(await steps(page)).toEqual([
      ["A", 200, ""],
      ["B", 200, ""],
      ["resource", 200, ""],
      ["A", 200, ""],
      ["B", 200, ""],
      ["resource", 200, ""],
    ]);
  });

  test("JWT with deny-list: B refuses once A lists it; the resource service cannot know", async ({ page }) => {
    await page.goto("/scale");
    await runTrial(page, "JWT with deny-list");
    const s = await steps(page);
    expect(s[4]).toEqual(["B", 401, "token_revoked"]);
    expect(s[5]).toEqual(["resource", 200, ""]);
  });

  test("hybrid: a refresh on B works; after A revokes the family, B refuses the refresh at once", async ({ page }) => {
    await page.goto("/scale");
    await runTrial(page, "Hybrid");
    const s = await steps(page);
    expect(s[3]).toEqual(["B", 200, ""]);
    expect(s[5]).toEqual(["B", 401, "refresh_revoked"]);
    expect(s[6]).toEqual(["B", 200, ""]);
  });

  test("the resource service: 200 with the subject for a token of either instance, 401 with WWW-Authenticate otherwise, no cookies needed", async ({ request }) => {
    for (const base of [A, B]) {
      const token = await jwtLogin(request, base);
      const ok = await request.get(`${RESOURCE}/resource`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status()).toBe(200);
      expect((await ok.json()).sub).toBe("user_bob");
    }
    const none = await request.get(`${RESOURCE}/resource`);
    expect(none.status()).toBe(401);
    expect(none.headers()["www-authenticate"]).toContain("Bearer");
    const forged = await request.get(`${RESOURCE}/resource`, { headers: { authorization: "Bearer a.b.c" } });
    expect(forged.status()).toBe(401);
    expect(forged.headers()["www-authenticate"]).toContain('error="invalid_token"');
  });

  test("keys rotate mid-session: old tokens verify until exp, new ones carry the new kid, everywhere, without a restart", async ({ request }) => {
    const before = await jwtLogin(request, A);
    const oldKid = decodeProtectedHeader(before).kid;
    const jwks = async () => ((await (await request.get(`${A}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(await jwks()).toContain(oldKid);

    // A next key may sign only once it has been published for a verifier's cache period (+ the
    // instances' 30 s key-set reuse): until then the script refuses and says when. Ask until it agrees.
    test.setTimeout(150_000);
    let rotated = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/keys-rotate.ts"], { encoding: "utf8", env: process.env });
    for (let i = 0; rotated.status !== 0 && i < 45; i++) {
      expect(rotated.stderr + rotated.stdout).toMatch(/not before|until|published/i);
      await new Promise((r) => setTimeout(r, 2_000));
      rotated = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/keys-rotate.ts"], { encoding: "utf8", env: process.env });
    }
    expect(rotated.status, rotated.stderr + rotated.stdout).toBe(0);

    // A and B learn of the new current key from the store's announcement; a login now signs with it.
    let after = "";
    await expect
      .poll(async () => {
        after = await jwtLogin(request, B);
        return decodeProtectedHeader(after).kid;
      })
      .not.toBe(oldKid);
    const newKid = decodeProtectedHeader(after).kid;
    expect(await jwks()).toEqual(expect.arrayContaining([oldKid, newKid]));

    for (const token of [before, after]) {
      for (const base of [A, B]) {
        expect((await request.get(`${base}/api/jwt/mypage`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
      }
      // The resource service fetches the key set again for a kid it has not seen: no restart.
      expect((await request.get(`${RESOURCE}/resource`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
    }
  });
});
