/**
 * One delivery to the XSS lab's attacker inbox: what the payload took from the visitor's own page.
 * Shared by the inbox route and the lab page (no server-only code here).
 */
export type Delivery = { at: string; jwt: string | null; documentCookie: string; session: string; jwtCookie: string; hybridAccessToken: string | null };
