import "server-only";
import { env } from "../env";
import { namespaced, REFRESH_HINT_COOKIE } from "../cookie-namespace";

/**
 * The cookie policy, stated once. HttpOnly everywhere: page script never needs these values, so
 * XSS cannot read them. `__Host-`/`__Secure-` prefixes when Secure is on, so that no subdomain or
 * plain-http page can plant a cookie under these names.
 */
export type CookiePolicy = {
  name: string;
  options: { httpOnly: true; secure: boolean; sameSite: "lax" | "strict"; path: string; maxAge?: number };
};

/** A cookie's name in this deployment's namespace (lib/cookie-namespace.ts). */
export const named = (name: string) => namespaced(env().COOKIE_NAMESPACE, name);

/** Lax, not Strict: following a link to /session/mypage from another site should arrive logged in. */
export function sessionCookie(maxAgeSeconds?: number): CookiePolicy {
  const secure = env().cookieSecure;
  return {
    name: `${secure ? "__Host-" : ""}${named("ll_session")}`,
    options: { httpOnly: true, secure, sameSite: "lax", path: "/", ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) },
  };
}

/**
 * The JWT mode's cookie transport: the signed token itself, HttpOnly. Lax like the session cookie
 * (a link from another site arrives logged in; cross-site POSTs and fetches go without it). A name
 * of its own: the session routes never read it, and the JWT routes never read the session cookie.
 * Its value is verified like a Bearer token — signature and claims, no store.
 */
export function jwtCookie(maxAgeSeconds?: number): CookiePolicy {
  const secure = env().cookieSecure;
  return {
    name: `${secure ? "__Host-" : ""}${named("ll_jwt")}`,
    options: { httpOnly: true, secure, sameSite: "lax", path: "/", ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) },
  };
}

/**
 * Strict, and scoped to the routes that use it: the refresh token travels only to
 * POST /api/hybrid/refresh and what lives beneath it (logout, the family view, the replay lab's
 * capture) — never with page loads, /api/hybrid/mypage, the devices list or any other API.
 */
export const REFRESH_COOKIE_PATH = "/api/hybrid/refresh";

export function refreshCookie(maxAgeSeconds?: number): CookiePolicy {
  const secure = env().cookieSecure;
  return {
    name: `${secure ? "__Secure-" : ""}${named("ll_refresh")}`,
    options: { httpOnly: true, secure, sameSite: "strict", path: REFRESH_COOKIE_PATH, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) },
  };
}

/**
 * The refresh cookie's companion, readable by page script: "1" while a refresh cookie was last
 * set, gone once it is cleared or refused. It holds no secret — only the fact that a refresh is
 * worth trying — so a first visit with no refresh cookie sends no refresh request (and gets no
 * 401). The refresh cookie itself decides; the hint only saves a pointless request.
 */
export function refreshHintCookie(maxAgeSeconds?: number) {
  const secure = env().cookieSecure;
  return {
    name: named(REFRESH_HINT_COOKIE),
    options: { httpOnly: false, secure, sameSite: "strict" as const, path: "/", ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}) },
  };
}
