/**
 * Cookies ignore ports: a browser that has `npm run dev` open on localhost:3000 and the cluster on
 * localhost:3001 would send each server the other's cookies, and each would overwrite the other's
 * (the session of one refused by the other as revoked, its refresh token as invalid). So every
 * cookie name of a deployment carries its COOKIE_NAMESPACE when one is set (`npm run cluster` sets
 * `cluster`): `cluster-ll_session` beside the dev server's `ll_session`. No server-only code here:
 * the page's script reads two of these cookies, and learns the namespace from the page
 * (`<html data-cookie-namespace>`, set by the root layout).
 */
export function namespaced(namespace: string | null | undefined, name: string): string {
  return namespace ? `${namespace}-${name}` : name;
}

/** The namespace of the page's own deployment, in the browser. */
export function pageNamespace(): string {
  return typeof document === "undefined" ? "" : (document.documentElement.dataset.cookieNamespace ?? "");
}

/** The refresh cookie's script-readable companion (lib/auth/cookies.ts), before its namespace. */
export const REFRESH_HINT_COOKIE = "ll_refresh_hint";
