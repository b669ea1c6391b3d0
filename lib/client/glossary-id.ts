import type { GlossaryTerm } from "./glossary";

/** The id of a term's definition in the page. */
export const glossaryId = (term: GlossaryTerm) => `glossary-${term.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
