import type messages from "@/messages/en.json";
import type { JwtTransport } from "@/lib/jwt-transport";
import type { Mode } from "./modes";
import type { TimelineEntry } from "./timeline";

/**
 * Each mode's login → request → refresh → logout, as a sequence between the browser, the server
 * and the store — the post's "동작 흐름" — and which of the panel's own requests each step is, so
 * the diagram can light a step up with the real status and bytes. No React: unit-tested as is.
 * The words are messages: a step's title is `flow.steps.<id>`, an arrow's text `flow.arrows.<message>`.
 */
export type Lane = "browser" | "server" | "store";
export type ArrowMessage = keyof (typeof messages)["flow"]["arrows"];
export type Arrow = { from: Lane; to: Lane; message: ArrowMessage };
export type StepId = "login" | "request" | "refresh" | "logout";
export type FlowStep = { id: StepId; arrows: Arrow[] };

const LOGIN_PATH = /^\/api\/(session|jwt|hybrid)\/login$/;
const MYPAGE_PATH = /^\/api\/(session|jwt|hybrid)\/mypage$/;

/**
 * Which step of the flow a timeline entry is, if any (lab requests are none): the step it was
 * recorded as, where its path cannot tell (a login by server action, a logout that sends nothing),
 * or else the step its path is.
 */
export function stepOf(entry: Pick<TimelineEntry, "step" | "path">): StepId | null {
  if (entry.step) return entry.step;
  if (LOGIN_PATH.test(entry.path)) return "login";
  if (MYPAGE_PATH.test(entry.path)) return "request";
  if (entry.path === "/api/hybrid/refresh") return "refresh";
  if (/^\/api\/(session|jwt|hybrid)\/(refresh\/)?logout$/.test(entry.path)) return "logout";
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

/**
 * The JWT panel's flow in its cookie transport (lib/jwt-transport.ts): the same check, but the
 * server sets the token in an HttpOnly cookie and the browser sends it back by itself.
 */
export const JWT_COOKIE_FLOW: FlowStep[] = [
  {
    id: "login",
    arrows: [
      { from: "browser", to: "server", message: "postCredentials" },
      { from: "server", to: "server", message: "jwtSign" },
      { from: "server", to: "browser", message: "jwtSetCookie" },
    ],
  },
  {
    id: "request",
    arrows: [
      { from: "browser", to: "server", message: "jwtGetMypageCookie" },
      { from: "server", to: "server", message: "jwtVerify" },
      { from: "server", to: "browser", message: "okWithUserFromToken" },
    ],
  },
  {
    id: "logout",
    arrows: [
      { from: "browser", to: "server", message: "jwtPostLogoutCookie" },
      { from: "server", to: "store", message: "jwtDenyJti" },
      { from: "server", to: "browser", message: "jwtClearCookie" },
    ],
  },
];

/** The flow a panel draws: its mode's, and for the JWT panel the one of the transport it uses. */
export function flowOf(mode: Mode, jwtTransport: JwtTransport = "bearer"): FlowStep[] {
  return mode === "jwt" && jwtTransport === "cookie" ? JWT_COOKIE_FLOW : FLOWS[mode];
}

export const FLOWS: Record<Mode, FlowStep[]> = {
  session: [
    {
      id: "login",
      arrows: [
        { from: "browser", to: "server", message: "postCredentials" },
        { from: "server", to: "store", message: "sessionInsertRow" },
        { from: "server", to: "browser", message: "sessionSetCookie" },
      ],
    },
    {
      id: "request",
      arrows: [
        { from: "browser", to: "server", message: "sessionGetMypage" },
        { from: "server", to: "store", message: "sessionFindRow" },
        { from: "server", to: "browser", message: "okWithUser" },
      ],
    },
    {
      id: "logout",
      arrows: [
        { from: "browser", to: "server", message: "sessionPostLogout" },
        { from: "server", to: "store", message: "sessionDeleteRow" },
        { from: "server", to: "browser", message: "clearCookie" },
      ],
    },
  ],
  jwt: [
    {
      id: "login",
      arrows: [
        { from: "browser", to: "server", message: "postCredentials" },
        { from: "server", to: "server", message: "jwtSign" },
        { from: "server", to: "browser", message: "jwtTokenInBody" },
      ],
    },
    {
      id: "request",
      arrows: [
        { from: "browser", to: "server", message: "jwtGetMypage" },
        { from: "server", to: "server", message: "jwtVerify" },
        { from: "server", to: "browser", message: "okWithUserFromToken" },
      ],
    },
    {
      id: "logout",
      arrows: [
        { from: "browser", to: "browser", message: "jwtForget" },
        { from: "server", to: "store", message: "jwtDenyJti" },
      ],
    },
  ],
  hybrid: [
    {
      id: "login",
      arrows: [
        { from: "browser", to: "server", message: "postCredentials" },
        { from: "server", to: "store", message: "hybridInsertFamily" },
        { from: "server", to: "browser", message: "hybridTokens" },
      ],
    },
    {
      id: "request",
      arrows: [
        { from: "browser", to: "server", message: "hybridGetMypage" },
        { from: "server", to: "server", message: "hybridVerify" },
        { from: "server", to: "browser", message: "okWithUser" },
      ],
    },
    {
      id: "refresh",
      arrows: [
        { from: "browser", to: "server", message: "hybridPostRefresh" },
        { from: "server", to: "store", message: "hybridRotate" },
        { from: "server", to: "browser", message: "hybridNewTokens" },
      ],
    },
    {
      id: "logout",
      arrows: [
        { from: "browser", to: "server", message: "hybridPostLogout" },
        { from: "server", to: "store", message: "hybridRevokeFamily" },
        { from: "server", to: "browser", message: "hybridClearCookie" },
      ],
    },
  ],
};
