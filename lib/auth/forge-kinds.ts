/**
 * The forged-credentials lab's forgeries, by kind: what the route accepts (app/api/lab/forge), what
 * lib/auth/forge.ts makes, and the buttons of app/components/forge-lab.tsx. Plain data, so the
 * browser may hold it; how each token is made, and why none is ever accepted, is in forge.ts.
 */
export const TOKEN_FORGERIES = [
  "sub_edited",
  "alg_none",
  "hs256_with_public_key",
  "expired",
  "not_yet_valid",
  "wrong_iss",
  "wrong_aud",
  "wrong_typ",
  "unknown_kid",
  "jku_header",
  "x5u_header",
  "embedded_jwk",
] as const;
export type TokenForgery = (typeof TOKEN_FORGERIES)[number];

/** Forgeries of the caller's own session cookie: one byte changed, or garbage. */
export const COOKIE_FORGERIES = ["session_tampered", "session_garbage"] as const;
export type CookieForgery = (typeof COOKIE_FORGERIES)[number];
