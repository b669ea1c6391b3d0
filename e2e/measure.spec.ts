import { expect, REFRESH_COOKIE, SESSION_COOKIE, setCookie, DEMO_PASSWORD, test } from "./fixtures";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** The `name=value` pair of one cookie inside a Cookie request header. */
const pairIn = (cookieHeader: string, name: string) => cookieHeader.split(/;\s*/).find((p) => p.startsWith(`${name}=`)) ?? "";

test.describe("see and measure", () => {
  test("session: the timeline shows the cookie sent by the browser, with its real size and one store query", async ({ page, panels }) => {
    await page.goto("/");
    await panels.session.login();
    await panels.session.loggedInAs("Alice");
    const sent = page.waitForRequest("**/api/session/mypage");
    await panels.session.callApi();
    const headers = await (await sent).allHeaders();
    expect(headers.authorization).toBeUndefined();

    const entry = panels.session.root.getByTestId("timeline-entry").first();
    const credential = entry.getByTestId("timeline-credential");
    await expect(credential).toHaveAttribute("data-kind", "cookie");
    await expect(credential).toContainText("sent by the browser on its own");
    await expect(credential.getByTestId("credential-bytes")).toHaveText(`${bytes(pairIn(headers.cookie, SESSION_COOKIE))} B`);
    await expect(entry.getByTestId("cookie-header-bytes")).toHaveText(String(bytes(headers.cookie)));
    // One lookup of the session row: from the store, or from this instance's memory (kept since the page's own check).
    await expect(entry.getByTestId("timeline-timing")).toHaveAttribute("data-lookups", "1");

    // HttpOnly, seen from both sides: page script cannot see the cookie, the server received it.
    await expect(panels.session.root.getByTestId("document-cookie")).toHaveText('"" (empty)');
    await expect(panels.session.root.getByTestId("received-cookie")).toHaveAttribute("data-name", SESSION_COOKIE);

    await panels.session.root.getByRole("button", { name: "Show the sealed cookie and what the server unseals" }).click();
    const anatomy = panels.session.root.getByTestId("session-anatomy");
    const value = pairIn(headers.cookie, SESSION_COOKIE).slice(SESSION_COOKIE.length + 1);
    await expect(anatomy).toContainText(`${SESSION_COOKIE}=${value.slice(0, 28)}…${value.slice(-12)}`);
    await expect(anatomy).toContainText(`${bytes(`${SESSION_COOKIE}=${value}`)} B, counted with its name (${SESSION_COOKIE}=…)`);
    await expect(anatomy).not.toContainText(value); // never the whole value: that would undo HttpOnly
    await expect(anatomy).toContainText("(43 characters)");
  });

  test("jwt: the timeline shows Authorization added by script, its real size, and no store query", async ({ page, panels }) => {
    await page.goto("/");
    await panels.jwt.login();
    await panels.jwt.loggedInAs("Alice");
    const sent = page.waitForRequest("**/api/jwt/mypage");
    await panels.jwt.callApi();
    const headers = await (await sent).allHeaders();

    const entry = panels.jwt.root.getByTestId("timeline-entry").first();
    const credential = entry.getByTestId("timeline-credential");
    await expect(credential).toHaveCount(1);
    await expect(credential).toHaveAttribute("data-kind", "authorization");
    await expect(credential).toContainText("added by script");
    await expect(credential.getByTestId("credential-bytes")).toHaveText(`${bytes(headers.authorization)} B`);
    await expect(entry.getByTestId("timeline-queries")).toHaveText("0 store queries");

    await panels.jwt.root.getByRole("button", { name: "Change one character and send it" }).click();
    await expect(panels.jwt.root.getByTestId("tamper-result-jwt")).toContainText("401 token_signature_invalid");
  });

  test("hybrid: the refresh cookie travels only to /api/hybrid/refresh, the access token by script", async ({ page, panels }) => {
    await page.goto("/");
    await panels.hybrid.login();
    await panels.hybrid.loggedInAs("Alice");
    const refreshed = page.waitForRequest("**/api/hybrid/refresh");
    await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
    const refreshHeaders = await (await refreshed).allHeaders();
    const refreshEntry = panels.hybrid.root.getByTestId("timeline-entry").filter({ hasText: "/api/hybrid/refresh" }).first();
    await expect(refreshEntry.getByTestId("credential-bytes")).toHaveText(`${bytes(pairIn(refreshHeaders.cookie, REFRESH_COOKIE))} B`);

    const sent = page.waitForRequest("**/api/hybrid/mypage");
    await panels.hybrid.callApi();
    const headers = await (await sent).allHeaders();
    expect(headers.cookie ?? "").not.toContain(`${REFRESH_COOKIE}=`); // Path=/api/hybrid/refresh: the API never gets it…
    const entry = panels.hybrid.root.getByTestId("timeline-entry").first();
    await expect(entry.getByTestId("timeline-credential").filter({ hasText: "Authorization" })).toContainText(`${bytes(headers.authorization)} B`);
    // …nor does a page navigation.
    const nav = page.waitForRequest((r) => r.url().endsWith("/hybrid/mypage") && r.isNavigationRequest());
    await page.goto("/hybrid/mypage");
    expect((await (await nav).allHeaders()).cookie ?? "").not.toContain(REFRESH_COOKIE);
  });

  test("guarded routes answer with Server-Timing", async ({ request }) => {
    const s = await request.post("/api/session/login", { data: { username: "alice", password: DEMO_PASSWORD } });
    const cookie = `${SESSION_COOKIE}=${setCookie(s, SESSION_COOKIE)!.value}`;
    const session = await request.get("/api/session/mypage", { headers: { cookie } });
    // verify: the seal was opened by proxy.ts first, so the route's opening is a cache hit.
    expect(session.headers()["server-timing"]).toMatch(/^auth;dur=[\d.]+, verify;desc="remembered", db;dur=[\d.]+;desc="1 query"$/);
    const { access_token } = await (await request.post("/api/jwt/login", { data: { username: "alice", password: DEMO_PASSWORD } })).json();
    const jwt = await request.get("/api/jwt/mypage", { headers: { authorization: `Bearer ${access_token}` } });
    expect(jwt.headers()["server-timing"]).toMatch(/^auth;dur=[\d.]+, verify;desc="remembered"$/);
    // Refused by proxy.ts before the route ran: the guard's own time.
    const refused = await request.get("/api/jwt/mypage");
    expect(refused.headers()["server-timing"]).toMatch(/^guard;dur=[\d.]+$/);
    expect(refused.headers()["x-refused-by"]).toBe("guard");
    expect(JSON.parse(refused.headers()["x-credentials-received"])).toMatchObject({ authorizationBytes: 0 });
  });

  test("the store view shows a session row appear at login and go at logout; nothing for JWT", async ({ page, panels }) => {
    await page.goto("/");
    await panels.session.login("bob");
    await panels.session.loggedInAs("Bob");
    const me = await (await page.request.get("/api/session/mypage")).json();
    const shortId = `${me.session.id.slice(0, 10)}…`;
    const store = page.getByTestId("store-session");
    await expect(store).toContainText(shortId);
    // A plain JWT login writes nothing: no row of bob's in the JWT column (the deny-list is the revocable option's).
    await expect(page.getByTestId("store-jwt")).not.toContainText("bob");
    await panels.jwt.login("bob");
    await panels.jwt.loggedInAs("Bob");
    await page.getByRole("button", { name: "Log in 10 more devices" }).click();
    await expect(store).toContainText("10 sessions created for you.");
    await expect(store).toContainText("Simulated device");
    await expect(page.getByTestId("store-jwt")).not.toContainText("bob");

    await panels.session.root.getByRole("button", { name: "Log out" }).click();
    await expect(panels.session.loginButton()).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("store-session")).not.toContainText(shortId);
  });

  test("the compare page reports the sizes a real login produces", async ({ page, request }) => {
    const s = await request.post("/api/session/login", { data: { username: "alice", password: DEMO_PASSWORD } });
    const sessionPair = `${SESSION_COOKIE}=${setCookie(s, SESSION_COOKIE)!.value}`;
    const { access_token } = await (await request.post("/api/jwt/login", { data: { username: "alice", password: DEMO_PASSWORD } })).json();
    await page.goto("/compare");
    await expect(page.getByTestId("cmp-session-bytes")).toContainText(`${bytes(sessionPair)} B cookie`);
    await expect(page.getByTestId("cmp-jwt-bytes")).toContainText(`${bytes(`Bearer ${access_token}`)} B`);
    await expect(page.getByTestId("cmp-unseal")).toHaveText(/^[\d,]+ µs$/);
    await expect(page.getByTestId("compare-jwt-cookie")).toContainText("JWT in a cookie: stateless, but sent like a session cookie");
    await page.screenshot({ path: test.info().outputPath("compare.png"), fullPage: true });
  });

  test("the compare page: a median only over enough samples, grammatical counts, links to the demos that exist, no empty header", async ({ page, request }) => {
    const MIN_LIVE_SAMPLES = 20; // lib/compare.ts
    await page.goto("/compare");
    const table = page.getByTestId("compare-table");

    for (const mode of ["session", "jwt", "hybrid"]) {
      const live = (await page.getByTestId(`cmp-${mode}-live`).textContent()) ?? "";
      const median = /^live requests: median \d+ µs over (?:the last )?([\d,]+) samples(?: of [\d,]+ requests)?$/.exec(live);
      const tooFew = /^live requests: too few samples yet for a median \((\d+) so far, (\d+) needed\)$/.exec(live);
      expect(median ?? tooFew, `${mode}: "${live}"`).toBeTruthy();
      if (median) expect(Number(median[1].replaceAll(",", ""))).toBeGreaterThanOrEqual(MIN_LIVE_SAMPLES);
      if (tooFew) expect([Number(tooFew[1]) < MIN_LIVE_SAMPLES, Number(tooFew[2])]).toEqual([true, MIN_LIVE_SAMPLES]);
    }

    // 1 row, 2 rows: every count on the page agrees with its noun.
    const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    const counts = [...text.matchAll(/(\d[\d,]*) (?:[a-z-]+ )?(rows?|samples?|requests?|query|queries|checks?)\b/g)];
    expect(counts.length).toBeGreaterThan(3);
    for (const [phrase, n, noun] of counts) expect(n === "1", phrase).toBe(!/(s|ies)$/.test(noun));
    await expect(page.getByTestId("cmp-session-rows")).toHaveText(/^(0 session rows|1 session row of ≈\d+ B|([2-9]|\d[\d,]+) session rows, ≈\d+ B each) see it$/);
    await expect(page.getByTestId("cmp-hybrid-rows")).toHaveText(/^(0 refresh-token rows|1 refresh-token row of ≈\d+ B|([2-9]|\d[\d,]+) refresh-token rows, ≈\d+ B each) see it$/);

    // Each cell links where the app shows it: revocation to the replay lab, session scaling to the store, never to the JWKS.
    for (const mode of ["session", "jwt", "hybrid"]) {
      await expect(page.getByTestId(`cmp-${mode}-logout`).getByRole("link")).toHaveAttribute("href", "/#replay-lab");
    }
    await expect(page.getByTestId("cmp-session-scaling").getByRole("link")).toHaveAttribute("href", "/#store-title");
    await expect(page.getByTestId("cmp-jwt-scaling").getByRole("link")).toHaveAttribute("href", "/.well-known/jwks.json");
    const hrefs = new Set(await table.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")));
    expect(hrefs.size).toBeGreaterThan(3);
    for (const href of [...hrefs].filter((h) => !h.startsWith("/#"))) expect((await request.get(href)).status(), href).toBe(200);

    // The top-left header is named for assistive technology (axe: empty-table-header); every header has text.
    const headers = table.getByRole("columnheader");
    await expect(headers).toHaveCount(5);
    for (const th of await table.locator("th").all()) expect(((await th.textContent()) ?? "").trim()).not.toBe("");

    // Every anchor the table links to exists on the home page; the revocation link lands on the replay lab.
    await page.getByTestId("cmp-session-logout").getByRole("link").click();
    await expect(page).toHaveURL(/\/#replay-lab$/);
    await expect(page.locator("#replay-lab")).toBeInViewport();
    for (const href of [...hrefs].filter((h) => h.startsWith("/#"))) await expect(page.locator(href.slice(1)), href).toHaveCount(1);
  });

  test("the compare page: two renders in one measurement interval show the same figures, whatever is served in between", async ({ request }) => {
    const { access_token } = await (await request.post("/api/jwt/login", { data: { username: "alice", password: DEMO_PASSWORD } })).json();
    const render = async () => {
      const html = await (await request.get("/compare")).text();
      const table = html.slice(html.indexOf('data-testid="compare-table"'), html.indexOf("</table>"));
      return { at: /data-testid="measured-at" dateTime="([^"]+)"/.exec(html)?.[1], table };
    };
    let compared = 0;
    // Two renders may straddle the start of a new interval: then they are measured apart, and tried again.
    for (let attempt = 0; attempt < 3 && compared === 0; attempt++) {
      const first = await render();
      expect(first.at).toBeTruthy();
      expect(first.table).toContain("live requests:");
      for (let i = 0; i < 5; i++) expect((await request.get("/api/jwt/mypage", { headers: { authorization: `Bearer ${access_token}` } })).status()).toBe(200);
      const second = await render();
      if (second.at !== first.at) continue;
      expect(second.table).toBe(first.table);
      compared += 1;
    }
    expect(compared).toBe(1);
  });
});
