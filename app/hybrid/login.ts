import "server-only";
import { cookies } from "next/headers";
import { refreshCookie, refreshHintCookie } from "@/lib/auth/cookies";
import * as Hybrid from "@/lib/auth/hybrid";
import { attemptLogin } from "@/lib/auth/login";

/**
 * Hybrid mode's one login path and one logout path, for the form's server action and the JSON
 * routes alike: the refresh token goes into an HttpOnly cookie scoped to the refresh routes (and
 * a script-readable hint that it exists, lib/auth/cookies.ts `refreshHintCookie`), the
 * short-lived access token back to the page, which keeps it in memory only.
 */
export async function logIn(fields: unknown, headers: Headers) {
  const attempt = await attemptLogin(fields, headers);
  if (!attempt.ok) return attempt;
  const tokens = await Hybrid.login(attempt.user, attempt.meta);
  const cookie = refreshCookie(tokens.refreshMaxAgeSeconds);
  const hint = refreshHintCookie(tokens.refreshMaxAgeSeconds);
  const jar = await cookies();
  jar.set(cookie.name, tokens.refreshToken, cookie.options);
  jar.set(hint.name, "1", hint.options);
  return tokens;
}

/** Revokes the refresh-token family and clears the cookie. The access token lives out its short exp. */
export async function logOut() {
  const jar = await cookies();
  const cookie = refreshCookie();
  const result = await Hybrid.logout(jar.get(cookie.name)?.value);
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  const hint = refreshHintCookie(0);
  jar.set(hint.name, "", hint.options);
  return result;
}
