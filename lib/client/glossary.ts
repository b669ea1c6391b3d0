/**
 * Plain words first: each term the panels use, in one line. The layout renders them once, hidden
 * (app/components/glossary-definitions.tsx); app/components/term.tsx points at them — as the
 * term's description for screen readers, and as the tooltip shown on hover and keyboard focus —
 * so the text stays out of the page's scripts. Technical identifiers stay as they are.
 */
export const GLOSSARY = {
  HttpOnly: "A cookie flag: page script cannot read the cookie (document.cookie leaves it out), but the browser still sends it.",
  SameSite: "A cookie flag: whether the browser sends the cookie on requests started by another site. Lax: only on links followed; Strict: never.",
  Secure: "A cookie flag: the browser sends the cookie over HTTPS only (and keeps it off plain http).",
  "__Host-": "A cookie name prefix: the browser accepts it only if Secure, Path=/ and no Domain — so no subdomain can plant or override it.",
  seal: "Encrypted and signed in one: iron-session's format for the session cookie. Only the server's secret opens it; any change breaks it.",
  jti: "JWT ID: a unique id in each token, so one token can be named — for example on a deny-list.",
  aud: "Audience: which API a token is for. A JWT-mode token is refused by the Hybrid API, and the other way round.",
  iss: "Issuer: who signed the token. A verifier accepts only the issuer it expects.",
  kid: "Key id: which of the issuer's keys signed the token, so the verifier picks the right public key.",
  typ: "Type: what kind of JWT this is. Access tokens say at+jwt, so an ID token or another JWT cannot pass for one.",
  JWKS: "JSON Web Key Set: the issuer's public keys, published at /.well-known/jwks.json, for anyone to verify its tokens.",
  "refresh family": "All the refresh tokens one login has led to, each rotated from the one before. Revoking the family ends that login.",
  rotation: "Each refresh swaps the refresh token for a new one; the old one is marked used, so presenting it again gives a thief away.",
  "grace window": "A few seconds after a rotation in which the old refresh token still gets the same new one — for two tabs at once, or a lost answer.",
  "deny-list": "A list of token ids (jti) refused before their expiry: what logging out a stateless token needs — state again.",
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;
export const GLOSSARY_TERMS = Object.keys(GLOSSARY) as GlossaryTerm[];

export { glossaryId } from "./glossary-id";
