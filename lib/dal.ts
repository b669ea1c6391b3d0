import "server-only";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { jwtCookie, sessionCookie } from "./auth/cookies";
import * as Jwt from "./auth/jwt";
import * as Session from "./auth/session";

/**
 * The data access layer's check: every page, action or route that returns session-protected
 * data calls this. `cache` makes it run once per request however many components ask.
 */
export const verifySession = cache(async () => Session.authenticate((await cookies()).get(sessionCookie().name)?.value));

/** The same check for a route handler, from the request's own cookie (cheaper than `cookies()`). */
export function sessionOf(req: NextRequest) {
  return Session.authenticate(req.cookies.get(sessionCookie().name)?.value);
}

/** The JWT page's check, when the token came as the cookie (a localStorage token never reaches a page request). */
export const verifyJwtCookie = cache(async () => {
  const cookie = (await cookies()).get(jwtCookie().name)?.value;
  return cookie ? Jwt.authenticate({ cookie }) : null;
});

/** The JWT credential a route handler's request carries: the Bearer header, else the JWT cookie. */
export function jwtOf(req: NextRequest): Jwt.JwtCredential {
  return { authorization: req.headers.get("authorization"), cookie: req.cookies.get(jwtCookie().name)?.value };
}

/** The only places a login may send the visitor afterwards (no open redirect). */
export function safeNext(next: unknown): string | null {
  return typeof next === "string" && /^\/(session|jwt|hybrid)\/mypage$/.test(next) ? next : null;
}
