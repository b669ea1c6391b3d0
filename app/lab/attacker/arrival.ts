/**
 * One request as the cross-site lab's target saw it arrive. Shared by the target route and the
 * attacker page (no server-only code here).
 */
export type Arrival = { at: string; method: string; origin: string | null; secFetchSite: string | null; cookies: string[]; authorization: boolean };
