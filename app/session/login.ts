import "server-only";
import { cookies } from "next/headers";
import { sessionCookie } from "@/lib/auth/cookies";
import { attemptLogin } from "@/lib/auth/login";
import { failure } from "@/lib/auth/errors";
import * as Session from "@/lib/auth/session";
import { env } from "@/lib/env";

/**
 * Session mode's one login path and one logout path, for the form's server action and the JSON
 * routes alike. Cookies go through `cookies()`, which both a server action and a route handler
 * send back with their answer.
 */
export async function logIn(fields: unknown, headers: Headers) {
  const attempt = await attemptLogin(fields, headers);
  if (!attempt.ok) return attempt;
  const { store } = attempt.options;
  if (store && store !== env().SESSION_STORE && !env().CLUSTER_INSTANCE) {
    return failure("invalid_body", { message: `Invalid body — store: only the scale-out lab (npm run cluster) chooses the store per login; this instance uses "${env().SESSION_STORE}".` });
  }
  const login = await Session.login(attempt.user, attempt.meta, { shortIdle: attempt.options.shortIdle, store });
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
