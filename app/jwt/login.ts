import "server-only";
import { cookies } from "next/headers";
import { jwtCookie } from "@/lib/auth/cookies";
import { attemptLogin } from "@/lib/auth/login";
import * as Jwt from "@/lib/auth/jwt";

/**
 * JWT mode's one login path and one logout path, for the form's server action and the JSON
 * routes alike. The token goes where the login asked (lib/jwt-transport.ts):
 * - `bearer`: back in the answer; no cookie is set, and the client decides where to keep it;
 * - `cookie`: into the HttpOnly JWT cookie, and never into the answer — page script must not hold
 *   what the cookie is there to hide.
 */
export async function logIn(fields: unknown, headers: Headers) {
  const attempt = await attemptLogin(fields, headers);
  if (!attempt.ok) return attempt;
  const { transport, revocable } = attempt.options;
  const login = await Jwt.login(attempt.user, attempt.meta, { revocable });
  if (transport === "bearer") return { ...login, transport };
  const cookie = jwtCookie(login.expiresIn);
  (await cookies()).set(cookie.name, login.accessToken, cookie.options);
  // What the cookie weighs on every request (name=value), told to the page in place of the token.
  const cookieBytes = cookie.name.length + 1 + login.accessToken.length;
  return { ok: true as const, transport, expiresIn: login.expiresIn, claims: login.claims, cookieBytes };
}

/**
 * Logs out whichever token the request carries (header, else cookie) — the deny-list when it is
 * revocable — and clears the cookie. A copy of the cookie's token still works until exp unless
 * it was revocable: deleting a cookie deletes one copy.
 */
export async function logOut(authorization: string | null) {
  const jar = await cookies();
  const cookie = jwtCookie();
  const result = await Jwt.logout({ authorization, cookie: jar.get(cookie.name)?.value });
  if (jar.has(cookie.name)) jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  return result;
}
