/**
 * The routes that read each login cookie, as their handlers under app/api do. A browser sends a
 * cookie with every request under its Path — the session cookie (Path=/) to every route, the
 * refresh cookie to all of /api/hybrid, the JWT cookie (Path=/) to every route — so a route often receives a cookie it never looks at; the
 * timeline tells the two apart with this list. (/api/lab/forge reads the session cookie for its
 * cookie forgeries, and the JWT cookie for the token forgeries of the cookie transport; the lab cookie is no login credential, and the timeline never lists it.)
 */
export const COOKIE_READERS: Record<"session" | "refresh" | "jwt", readonly string[]> = {
  session: [
    "/api/session/mypage",
    "/api/session/logout",
    "/api/session/inspect",
    "/api/session/devices",
    "/api/session/devices/revoke",
    "/api/session/devices/simulate",
    "/api/session/lab/capture",
    "/api/lab/forge",
    "/api/store",
  ],
  jwt: ["/api/jwt/mypage", "/api/jwt/logout", "/api/jwt/lab/capture", "/api/lab/forge", "/api/store"],
  refresh: ["/api/hybrid/refresh", "/api/hybrid/refresh/logout", "/api/hybrid/refresh/family", "/api/hybrid/refresh/lab/capture"],
};

/** Whether the route at `path` reads the cookie `cookieName` (`ll_session`, `__Host-ll_session`, …). */
export function readsCookie(path: string, cookieName: string): boolean {
  const kind = cookieName.endsWith("ll_session") ? "session" : cookieName.endsWith("ll_refresh") ? "refresh" : cookieName.endsWith("ll_jwt") ? "jwt" : null;
  return kind !== null && COOKIE_READERS[kind].includes(path.split("?")[0]);
}
