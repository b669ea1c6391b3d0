import type { Mode } from "./client/modes";

/** Who sent a refused visitor back: proxy.ts's quick check, or the page's own (the data access layer). */
export type RefusedBy = "guard" | "page";

/**
 * Where a refused visitor is sent: back to the mode's panel on `/`, remembering where they were
 * going, why they are back and who refused them. Built here only — by the proxy, the pages and
 * the client alike.
 */
export function loginPanelPath(mode: Mode, reason: string, next = `/${mode}/mypage`, by?: RefusedBy): string {
  return `/?${new URLSearchParams({ next, reason, ...(by ? { by } : {}) })}#${mode}`;
}
