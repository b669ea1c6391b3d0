import type { Mode } from "./client/modes";

/**
 * Where a refused visitor is sent: back to the mode's panel on `/`, remembering where they were
 * going and why they are back. Built here only — by the proxy, the pages and the client alike.
 */
export function loginPanelPath(mode: Mode, reason: string, next = `/${mode}/mypage`): string {
  return `/?${new URLSearchParams({ next, reason })}#${mode}`;
}
