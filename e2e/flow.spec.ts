import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

/**
 * The flows you can watch: each panel's "Requests" section draws its mode's sequence — browser ·
 * server · store — and lights a step up as the panel's own request of that kind happens, with the
 * real status and the credential bytes it carried.
 */
test.use({ openSections: false });
test.beforeEach(async ({ context }) => {
  // The Requests sections and, inside them, the flows: open, as a visitor who opened them.
  const open = ["session", "jwt", "hybrid"].flatMap((m) => [`${m}-timeline`, `${m}-flow`]);
  await context.addInitScript((ids) => localStorage.setItem("loginlab.sections", JSON.stringify(Object.fromEntries(ids.map((id) => [id, true])))), open);
});
test("session: login, request and logout light up in turn, with the status and the cookie's bytes", async ({ page, panels }) => {
  await page.goto("/");
  const flow = panels.session.root.getByTestId("flow-session");
  await expect(flow.getByTestId("flow-step-login")).toHaveAttribute("data-lit", "false");
  await panels.session.login("grace");
  await panels.session.loggedInAs("Grace");
  await expect(flow.getByTestId("flow-step-login")).toHaveAttribute("data-status", "200");
  await expect(flow.getByTestId("flow-step-request")).toHaveAttribute("data-lit", "false");

  const sent = page.waitForRequest("**/api/session/mypage");
  await panels.session.callApi();
  const cookie = (await (await sent).allHeaders()).cookie ?? "";
  const pair = cookie.split("; ").find((c) => c.includes("ll_session=")) ?? "";
  const request = flow.getByTestId("flow-step-request");
  await expect(request).toHaveAttribute("data-status", "200");
  await expect(request.getByTestId("flow-step-seen")).toContainText(`${Buffer.byteLength(pair)} B of credentials sent`);
  await expect(request.getByTestId("flow-step-seen")).toContainText("latest");
  // The store lane is part of the session's request: it finds the row.
  await expect(request).toContainText("Server → Store");

  await panels.session.root.getByRole("button", { name: "Log out" }).click();
  await expect(flow.getByTestId("flow-step-logout")).toHaveAttribute("data-lit", "true");
  // A refused call is a lit step too, in red, with its code.
  await panels.session.callApi();
  await expect(request).toHaveAttribute("data-status", "401");
  await expect(request.getByTestId("flow-step-seen")).toContainText("answered 401 session_missing");
});

test("JWT: the request step names no store", async ({ page, panels }) => {
  await page.goto("/");
  await panels.jwt.login("grace");
  await panels.jwt.loggedInAs("Grace");
  await panels.jwt.callApi();
  const request = panels.jwt.root.getByTestId("flow-jwt").getByTestId("flow-step-request");
  await expect(request).toHaveAttribute("data-status", "200");
  await expect(request).not.toContainText("→ Store");
  await expect(request).toContainText("Server, by itself");
});

test("hybrid: refresh is a step of its own, lit by the panel's refresh", async ({ page, panels }) => {
  await page.goto("/");
  await panels.hybrid.login("grace");
  await panels.hybrid.loggedInAs("Grace");
  const refresh = panels.hybrid.root.getByTestId("flow-hybrid").getByTestId("flow-step-refresh");
  await panels.hybrid.root.getByRole("button", { name: "Refresh now" }).click();
  await expect(refresh).toHaveAttribute("data-status", "200");
  await expect(refresh.getByTestId("flow-step-seen")).toContainText("B of credentials sent");
  await expect(refresh).toContainText("Server → Store");
});

for (const scheme of ["light", "dark"] as const) {
  test(`the flows, lit and unlit, pass axe (${scheme})`, async ({ page, panels }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    await panels.session.login("grace");
    await panels.session.loggedInAs("Grace");
    await panels.session.callApi();
    await expect(panels.session.root.getByTestId("flow-session").getByTestId("flow-step-request")).toHaveAttribute("data-lit", "true");
    const result = await new AxeBuilder({ page }).include('[data-testid^="flow-"]').analyze();
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  });
}
