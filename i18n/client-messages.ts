import type { Messages } from "next-intl";

type Namespace = keyof Messages;

/**
 * The namespaces client components translate with. The root layout hands the shared ones to
 * `NextIntlClientProvider`; a page whose client component needs more wraps it in `<PageMessages>`
 * (app/components/page-messages.tsx) with its own. So a page's HTML carries only what its browser
 * code can show — not /claims' or /guide's prose on every page. lib/i18n/client-namespaces.test.ts
 * keeps these lists equal to what the client modules use.
 */
export const SHARED_CLIENT_NAMESPACES = [
  "apiCall", "browserCookies", "controls", "copyButton", "countdown", "demoAccount", "deviceRow", "errorDetails", "errorPage", "errors", "flow",
  "forgeLab", "glossary", "hybridDevices", "hybridMypage", "hybridPanel", "hybridReplay", "jwtAfterLogout", "jwtMypage", "jwtPanel",
  "jwtReplay", "jwtView", "loginForm", "modes", "panel", "protectedData", "refreshChain", "replayLab", "returnedBecause", "reuseResult", "section",
  "sessionAnatomy", "sessionDevices", "sessionPanel", "sessionReplay", "storeView", "tamperTry", "throwawayAccount", "timeline",
  "timelineRows", "tokenPage", "transportDifferences", "xssNote",
] as const satisfies readonly Namespace[];

export const PAGE_CLIENT_NAMESPACES = {
  claims: ["claimRows", "claims", "claimsList", "guide"],
  scale: ["scale", "trialRunner"],
  attacker: ["attackerLab"],
  xss: ["xssLab"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientPage = keyof typeof PAGE_CLIENT_NAMESPACES;

export function clientMessages(messages: Messages, page?: ClientPage): Partial<Messages> {
  const namespaces: readonly Namespace[] = [...SHARED_CLIENT_NAMESPACES, ...(page ? PAGE_CLIENT_NAMESPACES[page] : [])];
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]));
}
