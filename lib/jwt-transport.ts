/**
 * Where the JWT panel keeps its token, as the visitor chose it. Shared by the page, the server
 * action and proxy.ts (no server-only code here).
 *
 * - `bearer`: the post's version, and the default. The page keeps the token in localStorage and
 *   its script sends it as `Authorization: Bearer`; any script on the page can read it.
 * - `cookie`: the server sets the token in an HttpOnly cookie (lib/auth/cookies.ts `jwtCookie`)
 *   and the browser sends it by itself; script can use it but never read it. Still stateless: the
 *   server checks the signature and claims, and stores nothing.
 *
 * The choice is remembered in a plain cookie, which is no credential: it tells proxy.ts whether a
 * navigation to /jwt/mypage should have brought a token (then a missing one is refused there), and
 * reading it can only make the guard stricter.
 */
export type JwtTransport = "bearer" | "cookie";

export const JWT_TRANSPORT_COOKIE = "ll_jwt_transport";

export function jwtTransportOf(value: unknown): JwtTransport {
  return value === "cookie" ? "cookie" : "bearer";
}
