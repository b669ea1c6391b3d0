import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";
import type { AuthErrorCode } from "./auth/errors";
import type { GuideKey } from "./guide";

/**
 * The post's claims (docs/claims.md), as /claims lists them: id, and where the app shows it in
 * full. What each says, its demo's name and the verdicts are messages (`claimsList` in
 * messages/*.json). Plain data, shared by the page, the client rows and the server's checks
 * (lib/claims.ts).
 */
export type ClaimId =
  | "S1" | "S2" | "S3" | "S4" | "S5" | "S6" | "S7" | "S8"
  | "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7" | "T8" | "T9" | "T10" | "T11"
  | "G1" | "G2" | "G3";

/** holds · holds with a caveat · does not hold here · needs the cluster to be checked (`claimsList.verdict.*`). */
export type Verdict = "holds" | "caveat" | "does_not_hold" | "needs_cluster";

type ClaimsMessages = Messages["claims"];
/** One line of evidence: a message of the `claims` namespace. */
export type EvidenceKey = MessageKeys<ClaimsMessages, NestedKeyOf<ClaimsMessages>>;
/**
 * A value measured for a line: a number (formatted in the visitor's locale by the message), an
 * identifier shown as it is, a failure code shown as its explanation (`errors.<code>`), or one of
 * the selection guide's reasons (`guide.<key>`).
 */
export type EvidenceValue = string | number | { error: AuthErrorCode } | { guide: GuideKey };
/**
 * What a check found, as a message and its values, never a finished sentence: the latest results
 * are shown to the next visitor too, in that visitor's language.
 */
export type Evidence = { key: EvidenceKey; values?: Record<string, EvidenceValue> };

export type ClaimResult = { id: ClaimId; verdict: Verdict; evidence: Evidence[]; checkedAt: string };

/** Renders the values that are messages of their own, in the visitor's language. */
export type EvidenceTexts = { error: (code: AuthErrorCode) => string; guide: (key: GuideKey) => string };

/** An evidence line's values ready for its message: failure codes and guide reasons as their text. */
export function evidenceValues(values: Evidence["values"], texts: EvidenceTexts): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([name, v]) => [name, typeof v !== "object" ? v : "error" in v ? texts.error(v.error) : texts.guide(v.guide)]),
  );
}

/** The name of a demo a claim links to (`claimsList.demo.*`). */
export type DemoLabel = keyof Messages["claimsList"]["demo"];

export type Claim = { id: ClaimId; group: "session" | "token" | "choice"; demo: { href: string; label: DemoLabel } };

export const CLAIMS: Claim[] = [
  { id: "S1", group: "session", demo: { href: "/#session", label: "sessionPanel" } },
  { id: "S2", group: "session", demo: { href: "/#session", label: "requestTimeline" } },
  { id: "S3", group: "session", demo: { href: "/#store-title", label: "storeView" } },
  { id: "S4", group: "session", demo: { href: "/#replay-lab", label: "replayLab" } },
  { id: "S5", group: "session", demo: { href: "/#session", label: "sealedCookie" } },
  { id: "S6", group: "session", demo: { href: "/#session", label: "devices" } },
  { id: "S7", group: "session", demo: { href: "/scale", label: "scaleLab" } },
  { id: "S8", group: "session", demo: { href: "/lab/attacker", label: "crossSiteLab" } },
  { id: "T1", group: "token", demo: { href: "/#jwt", label: "jwtAnatomy" } },
  { id: "T2", group: "token", demo: { href: "/#store-title", label: "storeView" } },
  { id: "T3", group: "token", demo: { href: "/#jwt", label: "requestTimeline" } },
  { id: "T4", group: "token", demo: { href: "/scale", label: "scaleLab" } },
  { id: "T5", group: "token", demo: { href: "/compare", label: "compare" } },
  { id: "T6", group: "token", demo: { href: "/#jwt", label: "jsonApi" } },
  { id: "T7", group: "token", demo: { href: "/scale", label: "resourceService" } },
  { id: "T8", group: "token", demo: { href: "/#replay-lab", label: "replayLab" } },
  { id: "T9", group: "token", demo: { href: "/compare", label: "compare" } },
  { id: "T10", group: "token", demo: { href: "/lab/xss", label: "xssLab" } },
  { id: "T11", group: "token", demo: { href: "/#jwt", label: "jwtAnatomy" } },
  { id: "G1", group: "choice", demo: { href: "/guide", label: "guide" } },
  { id: "G2", group: "choice", demo: { href: "/guide", label: "guide" } },
  { id: "G3", group: "choice", demo: { href: "/#hybrid", label: "hybridPanel" } },
];

export const isClaimId = (s: string): s is ClaimId => CLAIMS.some((c) => c.id === s);
