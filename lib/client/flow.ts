import type { Mode } from "./modes";
import type { TimelineEntry } from "./timeline";

/**
 * Each mode's login → request → refresh → logout, as a sequence between the browser, the server
 * and the store — the post's "동작 흐름" — and which of the panel's own requests each step is, so
 * the diagram can light a step up with the real status and bytes. No React: unit-tested as is.
 */
export type Lane = "browser" | "server" | "store";
export type Arrow = { from: Lane; to: Lane; text: string };
export type StepId = "login" | "request" | "refresh" | "logout";
export type FlowStep = { id: StepId; title: string; arrows: Arrow[] };

const LOGIN_PATH = /^\/api\/(session|jwt|hybrid)\/login$/;
const MYPAGE_PATH = /^\/api\/(session|jwt|hybrid)\/mypage$/;

/** Which step of the flow a timeline entry is, if any (lab requests are none). */
export function stepOf(entry: Pick<TimelineEntry, "label" | "path">): StepId | null {
  if (entry.label === "server action: log in" || LOGIN_PATH.test(entry.path)) return "login";
  if (MYPAGE_PATH.test(entry.path)) return "request";
  if (entry.path === "/api/hybrid/refresh") return "refresh";
  if (/^\/api\/(session|jwt|hybrid)\/(refresh\/)?logout$/.test(entry.path) || entry.label.startsWith("log out")) return "logout";
  return null;
}

/** The newest entry of each step (entries come newest first, as the timeline keeps them). */
export function latestPerStep(entries: readonly TimelineEntry[]): Partial<Record<StepId, TimelineEntry>> {
  const found: Partial<Record<StepId, TimelineEntry>> = {};
  for (const e of entries) {
    const step = stepOf(e);
    if (step && !found[step]) found[step] = e;
  }
  return found;
}

/** The bytes of credentials a request carried (cookie and Authorization, as the server received them). */
export function credentialBytes(entry: Pick<TimelineEntry, "credentials">): number {
  return entry.credentials.filter((c) => !c.unused).reduce((sum, c) => sum + c.bytes, 0);
}

export const FLOWS: Record<Mode, FlowStep[]> = {
  session: [
    {
      id: "login",
      title: "Log in",
      arrows: [
        { from: "browser", to: "server", text: "POST username + password" },
        { from: "server", to: "store", text: "INSERT a session row (id = sha256 of a random token)" },
        { from: "server", to: "browser", text: "Set-Cookie: the token, sealed (HttpOnly)" },
      ],
    },
    {
      id: "request",
      title: "Call the API",
      arrows: [
        { from: "browser", to: "server", text: "GET /api/session/mypage + Cookie (sent by the browser on its own)" },
        { from: "server", to: "store", text: "find the row by id (or from this instance's memory)" },
        { from: "server", to: "browser", text: "200 with the user" },
      ],
    },
    {
      id: "logout",
      title: "Log out",
      arrows: [
        { from: "browser", to: "server", text: "POST /api/session/logout + Cookie" },
        { from: "server", to: "store", text: "DELETE the row: refused from the next request on" },
        { from: "server", to: "browser", text: "clear the cookie" },
      ],
    },
  ],
  jwt: [
    {
      id: "login",
      title: "Log in",
      arrows: [
        { from: "browser", to: "server", text: "POST username + password" },
        { from: "server", to: "server", text: "sign a JWT with the private key — store nothing" },
        { from: "server", to: "browser", text: "the token in the JSON body (kept in localStorage), or an HttpOnly cookie" },
      ],
    },
    {
      id: "request",
      title: "Call the API",
      arrows: [
        { from: "browser", to: "server", text: "GET /api/jwt/mypage + Authorization: Bearer (added by script)" },
        { from: "server", to: "server", text: "verify signature, exp, aud with the public key — no store (revocable: ask the deny-list)" },
        { from: "server", to: "browser", text: "200 with the user from the token" },
      ],
    },
    {
      id: "logout",
      title: "Log out",
      arrows: [
        { from: "browser", to: "browser", text: "forget the token — a copy works until exp" },
        { from: "server", to: "store", text: "revocable only: INSERT the jti into the deny-list" },
      ],
    },
  ],
  hybrid: [
    {
      id: "login",
      title: "Log in",
      arrows: [
        { from: "browser", to: "server", text: "POST username + password" },
        { from: "server", to: "store", text: "INSERT a refresh-token row (a new family)" },
        { from: "server", to: "browser", text: "a short-lived access token (kept in memory) + Set-Cookie: refresh token (HttpOnly, Path=/api/hybrid/refresh)" },
      ],
    },
    {
      id: "request",
      title: "Call the API",
      arrows: [
        { from: "browser", to: "server", text: "GET /api/hybrid/mypage + Authorization: Bearer (added by script)" },
        { from: "server", to: "server", text: "verify the access token — no store" },
        { from: "server", to: "browser", text: "200 with the user" },
      ],
    },
    {
      id: "refresh",
      title: "Refresh",
      arrows: [
        { from: "browser", to: "server", text: "POST /api/hybrid/refresh + the refresh cookie (sent by the browser)" },
        { from: "server", to: "store", text: "mark the token used, INSERT its child (rotation); a reused one revokes the family" },
        { from: "server", to: "browser", text: "a new access token + the rotated cookie" },
      ],
    },
    {
      id: "logout",
      title: "Log out",
      arrows: [
        { from: "browser", to: "server", text: "POST /api/hybrid/refresh/logout + the refresh cookie" },
        { from: "server", to: "store", text: "revoke the whole family: no refresh works any more" },
        { from: "server", to: "browser", text: "clear the cookie; the access token lives out its exp" },
      ],
    },
  ],
};
