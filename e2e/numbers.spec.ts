import { DEMO_PASSWORD, expect, JWT_COOKIE, REFRESH_COOKIE, SESSION_COOKIE, setCookie, test } from "./fixtures";

/**
 * Every number on a screen says what it is: what a byte count counts, how a micro-cost was timed
 * and how much it varies, what the throughput yardsticks measure, what the seconds after a logout
 * are; and every pointer on a screen leads somewhere a reader can follow.
 */
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const JWT_STORAGE_KEY = "loginlab.jwt"; // lib/client/jwt-store.ts

test("/compare: each byte count says what it counts — a cookie with its name, the Authorization value, the token itself", async ({ page, request }) => {
  const s = await request.post("/api/session/login", { data: { username: "alice", password: DEMO_PASSWORD } });
  const sessionPair = `${SESSION_COOKIE}=${setCookie(s, SESSION_COOKIE)!.value}`;
  const { access_token } = await (await request.post("/api/jwt/login", { data: { username: "alice", password: DEMO_PASSWORD } })).json();
  await page.goto("/compare");
  await expect(page.getByTestId("cmp-session-bytes")).toContainText(`${bytes(sessionPair)} B cookie, counted with its name (${SESSION_COOKIE}=…)`);
  await expect(page.getByTestId("cmp-jwt-bytes")).toContainText(`${bytes(`Bearer ${access_token}`)} B Authorization value (Bearer …); the token itself is ${bytes(access_token)} B`);
  await expect(page.getByTestId("cmp-hybrid-bytes")).toContainText("B Authorization value (Bearer …) to the API");
  await expect(page.getByTestId("cmp-hybrid-bytes")).toContainText(`counted with its name (${REFRESH_COOKIE}=…)`);
  await expect(page.getByTestId("compare-table")).toContainText(`the JWT's ${bytes(`Bearer ${access_token}`)} B Authorization value`);
  await expect(page.getByTestId("compare-jwt-cookie")).toContainText(`Counted with its name (${JWT_COOKIE}=…)`);
  // Whose tokens these are: a token's size follows the names inside it.
  await expect(page.locator("main")).toContainText("real tokens signed for the user alice");
});

test("the panels: the token itself, the Authorization value, a cookie with its name — each labelled as such", async ({ page, panels }) => {
  await page.goto("/");
  await panels.jwt.login("heidi");
  await panels.jwt.loggedInAs("Heidi");
  const token = (await page.evaluate((key) => localStorage.getItem(key), JWT_STORAGE_KEY)) ?? "";
  expect(token.split(".")).toHaveLength(3);
  await expect(panels.jwt.root).toContainText(`localStorage: the token itself (${bytes(token)} B)`);
  expect(await panels.jwt.callApi()).toBe("200");
  const jwtCredential = panels.jwt.root.getByTestId("timeline-entry").first().getByTestId("timeline-credential");
  await expect(jwtCredential.getByTestId("credential-bytes")).toHaveText(`${bytes(`Bearer ${token}`)} B`);
  await expect(jwtCredential.getByTestId("credential-counts")).toHaveText("(its value: Bearer …, without the header's name)");
  await expect(panels.jwt.root.getByTestId("server-received-jwt")).toContainText(`Authorization (${bytes(`Bearer ${token}`)} B, its value: Bearer …)`);

  await panels.session.login("heidi");
  await panels.session.loggedInAs("Heidi");
  const sent = page.waitForRequest("**/api/session/mypage");
  expect(await panels.session.callApi()).toBe("200");
  const cookie = (await (await sent).allHeaders()).cookie ?? "";
  const pair = cookie.split(/;\s*/).find((p) => p.startsWith(`${SESSION_COOKIE}=`)) ?? "";
  const sessionCredential = panels.session.root.getByTestId("timeline-entry").first().getByTestId("timeline-credential");
  await expect(sessionCredential.getByTestId("credential-bytes")).toHaveText(`${bytes(pair)} B`);
  await expect(sessionCredential.getByTestId("credential-counts")).toHaveText(`(counted with its name: ${SESSION_COOKIE}=…)`);
  await expect(panels.session.root.getByTestId("server-received-session")).toContainText(`cookie ${SESSION_COOKIE} (${bytes(pair)} B, counted with its name: ${SESSION_COOKIE}=…)`);
});

test("/claims: the probe's tokens say they are the token itself; T9 names what each of its sizes counts", async ({ page }) => {
  await page.goto("/claims");
  const check = async (id: string) => {
    const row = page.getByTestId(`claim-${id}`);
    await row.getByRole("button", { name: new RegExp(`^Check ${id}( again)?$`) }).click();
    await expect(row).not.toHaveAttribute("data-verdict", "", { timeout: 15_000 });
    return row.getByTestId("claim-evidence");
  };
  for (const id of ["T2", "T6", "T10"]) await expect(await check(id)).toContainText(/\d B[,)]? ?\(?the token itself/);
  await expect(await check("S1")).toContainText(`counted with its name (${SESSION_COOKIE}=…)`);
  const t9 = (await (await check("T9")).textContent()) ?? "";
  const [, header, token] = /the JWT's Authorization value, Bearer …, is ([\d,]+) B \(the token itself: ([\d,]+) B\)/.exec(t9) ?? [];
  expect(Number(header) - Number(token), t9).toBe(bytes("Bearer "));
  expect(t9).toContain(`counted with its name (${SESSION_COOKIE}=…)`);
});

test("/compare and /claims show the same micro-costs: one measurement, its median of several runs and their spread, said to be fresh on a shared machine", async ({ page }) => {
  const figures = async () => ({
    at: await page.getByTestId("measured-at").getAttribute("datetime"),
    unseal: ((await page.getByTestId("cmp-unseal").textContent()) ?? "").trim(),
    verify: ((await page.getByTestId("cmp-verify").textContent()) ?? "").trim(),
  });
  let compared = false;
  // The snapshot is renewed at most once a minute: the check counts when /compare showed the same one before and after it.
  for (let attempt = 0; attempt < 3 && !compared; attempt++) {
    await page.goto("/compare");
    const before = await figures();
    expect(before.unseal).toMatch(/^[\d,]+ µs$/);
    const verdict = (await page.getByTestId("cmp-unseal").locator("xpath=..").textContent()) ?? "";
    expect(verdict).toMatch(new RegExp(`${before.unseal} \\([\\d,]+–[\\d,]+\\)`));
    await expect(page.getByTestId("cmp-session-auth")).toContainText(/µs a check \([\d.,]+–[\d.,]+\)/);
    await expect(page.getByTestId("compare-timing-note")).toContainText("the median of 9 runs of the same calls, with the middle half of the runs (p25–p75) in parentheses");
    await expect(page.getByTestId("compare-timing-note")).toContainText("a fresh measurement on a shared machine");

    await page.goto("/claims");
    const row = page.getByTestId("claim-T5");
    // Another spec may have checked T5 before (its result stays for the next visitor): read the evidence of this check, once it has answered.
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/claims/check") && r.request().method() === "POST", { timeout: 15_000 });
    await row.getByRole("button", { name: /^Check T5( again)?$/ }).click();
    expect((await answered).status()).toBe(200);
    await expect(row.getByRole("button", { name: "Check T5 again" })).toBeEnabled();
    await expect(row).toHaveAttribute("data-verdict", "caveat", { timeout: 15_000 });
    const evidence = (await row.getByTestId("claim-evidence").textContent()) ?? "";

    await page.goto("/compare");
    if ((await figures()).at !== before.at) continue;
    compared = true;
    expect(evidence).toContain("each the median of 9 runs with the middle half of the runs in parentheses");
    expect(evidence).toContain(`unsealing a session cookie costs ${before.unseal} (`);
    expect(evidence).toContain(`verifying an EdDSA signature ${before.verify} (`);
    expect(evidence).toContain("on a shared machine");
  }
  expect(compared, "/compare kept one snapshot across a T5 check").toBe(true);
});

test("/compare: what the check costs and what Next's proxy costs, as two yardsticks", async ({ page }) => {
  await page.goto("/compare");
  const section = page.getByTestId("compare-throughput");
  await expect(section).toContainText("both passing through proxy.ts");
  await expect(section).toContainText(/serve \d\.\d\d–\d\.\d\d times as many requests a second \(each mode's median over the rounds; single rounds swing much further\)/);
  await expect(section).toContainText(/a route it never runs for serves about \d\.\d× as many requests, so passing through it costs about \d\.\d+ ms of server time a request/);
  await expect(section.getByRole("link", { name: "authentication guide" })).toHaveAttribute("href", /^https:\/\/nextjs\.org\/docs\/app\/guides\/authentication/);
  // The proxy's matcher leaves the unproxied yardstick out; it answers like the baseline.
  const [a, b] = await Promise.all([page.request.get("/api/baseline/mypage?shape=jwt"), page.request.get("/api/baseline/unproxied?shape=jwt")]);
  expect([a.status(), b.status()]).toEqual([200, 200]);
  expect(await b.json()).toEqual(await a.json());
});

test("replay lab: the seconds after logout are the replay's own round trip, not a delay", async ({ page, panels }) => {
  await page.goto("/");
  await panels.session.login("kim");
  await panels.session.loggedInAs("Kim");
  const lab = page.getByTestId("replay-session");
  await lab.getByRole("button", { name: "1 · Capture" }).click();
  await expect(lab).toContainText("Captured.");
  await lab.getByRole("button", { name: "2 · Log out, then replay at once" }).click();
  const said = lab.getByTestId("time-to-reject-session");
  await expect(said).toHaveAttribute("data-again", "no");
  await expect(said).toContainText("The session cookie was rejected on its first replay, session_revoked.");
  await expect(said).toContainText(/went out the moment logout had finished: the \d+\.\d\d s after logout are its own trip to the server and back, not a delay/);
  await expect(said).toContainText("the server refused the very first copy it saw");
});

test("/claims links read as English for every demo; pages point to files as the repository's", async ({ page }) => {
  await page.goto("/claims");
  await expect(page.getByTestId("claim-S6").getByRole("link")).toHaveText("see the Devices list");
  await expect(page.getByTestId("claim-T5").getByRole("link")).toHaveText("see the /compare page");
  for (const link of await page.locator('[data-testid^="claim-"] a').all()) {
    await expect(link).toHaveText(/^see the [\w/]/);
    await expect(link).not.toHaveText(/\bthe the\b|^see the \/\w+$|the Devices$/);
  }
  await page.goto("/compare");
  await expect(page.locator("main").getByRole("link", { name: "/claims" }).first()).toHaveAttribute("href", /^\/claims/);
  await expect(page.locator("main")).not.toContainText("docs/claims.md");
  await page.goto("/scale");
  await expect(page.locator("main")).toContainText("the repository's README, in its \"Scaling out\" section");
});

test("cross-site lab: it says which address to open first, and what to do second", async ({ page, baseURL }) => {
  const attacker = (baseURL as string).replace("localhost", "127.0.0.1");
  await page.goto(`${attacker}/lab/attacker`);
  const steps = page.getByTestId("attacker-steps").getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText(`Step 1 — log in at the victim: open ${baseURL}`);
  await expect(steps.nth(0).getByRole("link")).toHaveAttribute("href", `${baseURL}/`);
  await expect(steps.nth(1)).toContainText(`Step 2 — attack from here: come back to this page at ${attacker} and press the buttons below`);
  await expect(page.getByTestId("attacker-other-origin")).toContainText(`Already logged in at ${attacker}? Then step 1 is done for that address`);
  await expect(page.getByTestId("attacker-other-origin").getByRole("link")).toHaveAttribute("href", `${baseURL}/lab/attacker`);
});
