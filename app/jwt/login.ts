import "server-only";
import { attemptLogin } from "@/lib/auth/login";
import * as Jwt from "@/lib/auth/jwt";

/**
 * JWT mode's one login path, for the form's server action and POST /api/jwt/login alike: the
 * signed token goes back in the answer and no cookie is set — the client decides where to keep it.
 * (Logout is the route's alone: only a request carrying the token can name it.)
 */
export async function logIn(fields: unknown, headers: Headers) {
  const attempt = await attemptLogin(fields, headers);
  if (!attempt.ok) return attempt;
  return Jwt.login(attempt.user, attempt.meta, { revocable: attempt.options.revocable });
}
