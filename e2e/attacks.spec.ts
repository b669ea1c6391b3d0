import { expect, test } from "./fixtures";

test.describe("attack labs and hardening", () => {
  test("XSS lab: the payload steals the JWT, which works elsewhere; HttpOnly cookies stay unreadable but usable", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("bob");
    await panels.jwt.loggedInAs("Bob");
    await panels.session.login("bob");
    await panels.session.loggedInAs("Bob");
    await page.goto("/lab/xss");
    await expect(page.getByTestId("csp-state")).toContainText("off");
    expect((await page.request.delete("/api/lab/inbox")).status()).toBe(200); // this browser's own inbox
    await page.getByRole("button", { name: "Load the ready payload" }).click();
    await page.getByRole("button", { name: "Post comment" }).click();
    const delivery = page.getByTestId("delivery").first();
    await expect(delivery).toContainText("JWT from localStorage: eyJ", { timeout: 10_000 });
    await expect(delivery.getByTestId("stolen-cookie")).toHaveText('""');
    await expect(delivery).toContainText('"username":"bob"'); // the session cookie, used by the script
    await delivery.getByRole("button", { name: "Attacker: call GET /api/jwt/mypage with it" }).click();
    await expect(delivery.getByTestId("attacker-status")).toHaveText("200");
  });

  test("XSS lab: with the Content-Security-Policy on, the payload never runs", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login("alice");
    await panels.jwt.loggedInAs("Alice");
    const mine = await page.evaluate(() => localStorage.getItem("loginlab.jwt"));
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    await page.goto("/lab/xss?csp=on");
    await expect(page.getByTestId("csp-state")).toContainText("on");
    await page.getByRole("button", { name: "Load the ready payload" }).click();
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await page.waitForTimeout(1_500);
    // The inbox is this browser's own (its lab cookie): nothing arrived, from this test or any other.
    const deliveries: { jwt: string | null }[] = (await (await page.request.get("/api/lab/inbox")).json()).deliveries;
    expect(mine).toBeTruthy();
    expect(deliveries).toEqual([]);
  });

  test("every page carries a nonce CSP, frame-ancestors and the other security headers", async ({ request }) => {
    for (const path of ["/", "/compare", "/jwt/mypage"]) {
      const res = await request.get(path);
      const csp = res.headers()["content-security-policy"];
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["referrer-policy"]).toBe("same-origin");
    }
    // A request that calls itself a prefetch gets the page too, so it gets the policy too.
    for (const headers of [{ purpose: "prefetch" }, { "sec-purpose": "prefetch" }] as Record<string, string>[]) {
      const res = await request.get("/compare", { headers });
      expect(res.headers()["content-security-policy"], JSON.stringify(headers)).toMatch(/script-src 'self' 'nonce-/);
      // A prefetch is no visit (yet): the lab pages give it no lab cookie.
      const lab = await request.get("/lab/attacker", { headers });
      expect(lab.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("ll_lab=")), JSON.stringify(headers)).toEqual([]);
    }
    const [a, b] = [await request.get("/"), await request.get("/")];
    expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]); // a fresh nonce each time
  });

  test("state-changing requests from another origin are refused before they act", async ({ request }) => {
    for (const path of ["/api/session/logout", "/api/hybrid/refresh", "/api/hybrid/refresh/logout", "/api/session/login"]) {
      const res = await request.post(path, { headers: { origin: "http://evil.example", "content-type": "application/json" }, data: {} });
      expect(res.status(), path).toBe(403);
      expect((await res.json()).error).toBe("cross_site_request");
    }
  });
});

test("forged-credentials lab: every forgery is refused, with the check that caught it", async ({ page, panels }) => {
  await page.goto("/");
  await panels.jwt.login("bob");
  await panels.jwt.loggedInAs("Bob");
  await panels.session.login("bob");
  await panels.session.loggedInAs("Bob");
  const expected: Record<string, string> = {
    sub_edited: "token_signature_invalid",
    alg_none: "token_alg_not_allowed",
    hs256_with_public_key: "token_alg_not_allowed",
    expired: "token_expired",
    not_yet_valid: "token_not_yet_valid",
    wrong_iss: "token_claim_invalid",
    wrong_aud: "token_claim_invalid",
    wrong_typ: "token_claim_invalid",
    unknown_kid: "token_unknown_kid",
    jku_header: "token_header_forbidden",
    x5u_header: "token_header_forbidden",
    embedded_jwk: "token_header_forbidden",
    session_tampered: "session_invalid",
    session_garbage: "session_invalid",
  };
  const lab = page.locator("section", { has: page.getByRole("heading", { name: "Forged credentials" }) });
  for (const button of await lab.getByRole("button").all()) await button.click();
  for (const [kind, code] of Object.entries(expected)) {
    await expect(lab.getByTestId(`forge-${kind}`)).toContainText(`401 ${code}`);
  }
});

test("cross-site lab: from another site, no login cookie and no Authorization arrive, and CORS hides the answer", async ({ page, panels, baseURL }) => {
  await page.goto("/");
  await panels.session.login("bob");
  await panels.session.loggedInAs("Bob");
  await panels.hybrid.login("bob");
  await panels.hybrid.loggedInAs("Bob");
  const attacker = (baseURL as string).replace("localhost", "127.0.0.1");
  // The log is this browser's own (its lab cookie on the attacker's origin): it starts empty.
  await page.goto(`${attacker}/lab/attacker`);
  await expect(page.getByTestId("arrival")).toHaveCount(0);
  await expect(page.getByTestId("victim-origin")).toHaveText(baseURL as string);

  const arrived = page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/lab/csrf-target`) && r.request().method() === "POST");
  await page.getByRole("button", { name: "1 · Cross-site form POST" }).click();
  await arrived;
  // (Its Origin reads "null": this page's Referrer-Policy is same-origin, so Chromium hides it.)
  const post = page.getByTestId("arrival").first();
  await expect(post).toContainText("Sec-Fetch-Site: cross-site");
  await expect(post.getByTestId("arrival-cookies")).toHaveText("none");
  await expect(post).toContainText("Authorization: none");

  await page.getByRole("button", { name: "2 · Cross-site fetch with credentials" }).click();
  await expect(page.getByTestId("arrival")).toHaveCount(2);
  await expect(page.getByTestId("arrival-cookies").first()).toHaveText("none");

  await page.getByRole("button", { name: "3 · Read the victim's /api/session/mypage" }).click();
  await expect(page.getByTestId("cors-result")).toContainText("blocked");

  // Same site, same browser: the cookie is there — SameSite made the difference, not its absence.
  await page.goto("/");
  expect(await panels.session.callApi()).toBe("200");
});

test("brute force: the login form shows 429 with a countdown after repeated failures", async ({ page, panels }) => {
  await page.goto("/");
  // Each attempt is one entry in the panel's timeline: wait for it before the next one.
  const attempts = panels.jwt.root.getByTestId("timeline-entry");
  const account = `trudy${Date.now() % 1_000_000}`; // no such user: unknown accounts are throttled the same
  for (let i = 0; i < 5; i++) {
    await panels.jwt.login(account, `wrong-${i}`);
    await expect(attempts).toHaveCount(i + 1);
    await expect(panels.jwt.root.getByRole("alert")).toHaveText("Invalid username or password.");
  }
  await panels.jwt.login(account, "wrong-again");
  await expect(attempts).toHaveCount(6);
  await expect(panels.jwt.root.getByRole("alert")).toContainText("Too many failed logins");
  await expect(panels.jwt.root.getByRole("alert")).toContainText("Try again in");
  await expect(page.getByTestId("jwt-badge")).toHaveText("Rate-limited");
  await expect(panels.jwt.root.getByTestId("timeline-entry").first()).toContainText("429");
  // The button does not pretend to be ready while the countdown runs.
  await expect(panels.jwt.root.getByRole("button", { name: "Wait for the countdown" })).toBeDisabled();
});
