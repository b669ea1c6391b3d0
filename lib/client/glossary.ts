/**
 * Plain words first: each term the panels use, by the id `<Term name>` gives it, and the key of its
 * one-line definition in messages (`glossary.definitions.<key>`). The layout renders the
 * definitions once, hidden (app/components/glossary-definitions.tsx); app/components/term.tsx
 * points at them — as the term's description for screen readers, and as the tooltip shown on
 * hover and keyboard focus. Technical identifiers stay as they are.
 */
export const GLOSSARY = {
  HttpOnly: "httpOnly",
  SameSite: "sameSite",
  Secure: "secure",
  "__Host-": "hostPrefix",
  seal: "seal",
  jti: "jti",
  aud: "aud",
  iss: "iss",
  kid: "kid",
  typ: "typ",
  JWKS: "jwks",
  "refresh family": "refreshFamily",
  rotation: "rotation",
  "grace window": "graceWindow",
  "deny-list": "denyList",
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;
export const GLOSSARY_TERMS = Object.keys(GLOSSARY) as GlossaryTerm[];

/**
 * The terms that are words: their names are messages too (`glossary.names.<key>`). Every other
 * term is an identifier (a cookie flag or prefix, a claim, a key set), written the same in every
 * language.
 */
const WORDS = ["seal", "refresh family", "rotation", "grace window", "deny-list"] as const satisfies readonly GlossaryTerm[];

export function isWord(term: GlossaryTerm): term is (typeof WORDS)[number] {
  return (WORDS as readonly GlossaryTerm[]).includes(term);
}

export { glossaryId } from "./glossary-id";
