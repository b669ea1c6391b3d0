/**
 * The post's claims (docs/claims.md), as /claims lists them: id, what the post says in our words,
 * and where the app shows it in full. Plain data, shared by the page, the client rows and the
 * server's checks (lib/claims.ts).
 */
export type ClaimId =
  | "S1" | "S2" | "S3" | "S4" | "S5" | "S6" | "S7" | "S8"
  | "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7" | "T8" | "T9" | "T10" | "T11"
  | "G1" | "G2" | "G3";

/** holds · holds with a caveat · does not hold here · needs the cluster to be checked. */
export type Verdict = "holds" | "caveat" | "does_not_hold" | "needs_cluster";

export const VERDICT_TEXT: Record<Verdict, string> = {
  holds: "holds",
  caveat: "holds, with a caveat",
  does_not_hold: "does not hold here",
  needs_cluster: "needs the cluster",
};

export type ClaimResult = { id: ClaimId; verdict: Verdict; evidence: string[]; checkedAt: string };

export type Claim = { id: ClaimId; group: "session" | "token" | "choice"; says: string; demo: { href: string; label: string } };

export const CLAIMS: Claim[] = [
  { id: "S1", group: "session", says: "Logging in creates a session on the server; the browser only gets its id in a cookie.", demo: { href: "/#session", label: "Session panel" } },
  { id: "S2", group: "session", says: "The browser sends the cookie on its own, and the server finds the session in its store on every request.", demo: { href: "/#session", label: "the request timeline" } },
  { id: "S3", group: "session", says: "Being stateful, the server holds something for every logged-in user: its cost grows with users.", demo: { href: "/#store-title", label: "store view" } },
  { id: "S4", group: "session", says: "Deleting the session logs the user out immediately.", demo: { href: "/#replay-lab", label: "replay-after-logout lab" } },
  { id: "S5", group: "session", says: "Sensitive data never leaves the server.", demo: { href: "/#session", label: "the sealed cookie's anatomy" } },
  { id: "S6", group: "session", says: "The server can end one particular session and cap concurrent logins.", demo: { href: "/#session", label: "Devices" } },
  { id: "S7", group: "session", says: "Several servers must share one session store, which makes scaling out harder.", demo: { href: "/scale", label: "scale-out lab" } },
  { id: "S8", group: "session", says: "Cookies do not travel freely to other sites.", demo: { href: "/lab/attacker", label: "cross-site lab" } },
  { id: "T1", group: "token", says: "A JWT is a header, a payload and a signature that detects tampering.", demo: { href: "/#jwt", label: "JWT anatomy" } },
  { id: "T2", group: "token", says: "The server signs the token at login and keeps nothing.", demo: { href: "/#store-title", label: "store view" } },
  { id: "T3", group: "token", says: "The client sends it as Authorization: Bearer; the server knows the user from the token alone.", demo: { href: "/#jwt", label: "the request timeline" } },
  { id: "T4", group: "token", says: "Any server holding the key can verify it, so it scales out.", demo: { href: "/scale", label: "scale-out lab" } },
  { id: "T5", group: "token", says: "No store lookup means less load on the server.", demo: { href: "/compare", label: "/compare" } },
  { id: "T6", group: "token", says: "It suits mobile apps because it works without cookies.", demo: { href: "/#jwt", label: "the JSON API" } },
  { id: "T7", group: "token", says: "It suits microservices: services share the authentication.", demo: { href: "/scale", label: "the resource service" } },
  { id: "T8", group: "token", says: "A token cannot be taken back before it expires.", demo: { href: "/#replay-lab", label: "replay-after-logout lab" } },
  { id: "T9", group: "token", says: "A token is larger than a session id and is sent with every request.", demo: { href: "/compare", label: "/compare" } },
  { id: "T10", group: "token", says: "A token kept in localStorage can be stolen by an injected script.", demo: { href: "/lab/xss", label: "XSS lab" } },
  { id: "T11", group: "token", says: "A JWT is encrypted.", demo: { href: "/#jwt", label: "JWT anatomy" } },
  { id: "G1", group: "choice", says: "Sessions suit server-rendered sites, security-critical services, live control over sessions, one server.", demo: { href: "/guide", label: "selection guide" } },
  { id: "G2", group: "choice", says: "Tokens suit SPAs, mobile apps, microservices, shared login across domains, REST APIs.", demo: { href: "/guide", label: "selection guide" } },
  { id: "G3", group: "choice", says: "The balanced choice: a short-lived access JWT plus a refresh token in an HttpOnly cookie.", demo: { href: "/#hybrid", label: "Hybrid panel" } },
];

export const isClaimId = (s: string): s is ClaimId => CLAIMS.some((c) => c.id === s);
