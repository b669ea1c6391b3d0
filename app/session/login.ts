import "server-only";
import { cookies } from "next/headers";
import { sessionCookie } from "@/lib/auth/cookies";
import { attemptLogin } from "@/lib/auth/login";
import * as Session from "@/lib/auth/session";

/**
 * Session mode's one login path and one logout path, for the form's server action and the JSON
 * routes alike. Cookies go through `cookies()`, which both a server action and a route handler
 * send back with their answer.
 */
export async function logIn(fields: unknown, headers: Headers) {
  const attempt = await attemptLogin(fields, headers);
  if (!attempt.ok) return attempt;
  const login = await Session.login(attempt.user, attempt.meta, { shortIdle: attempt.options.shortIdle });
  const cookie = sessionCookie(login.maxAgeSeconds);
  (await cookies()).set(cookie.name, login.cookieValue, cookie.options);
  return { ok: true as const, user: attempt.user };
}

/** Deletes the session row (refused on the very next request) and clears the cookie. */
export async function logOut() {
  const jar = await cookies();
  const cookie = sessionCookie();
  const result = await Session.logout(jar.get(cookie.name)?.value);
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  return result;
}
