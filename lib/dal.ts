import "server-only";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { sessionCookie } from "./auth/cookies";
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

/** The only places a login may send the visitor afterwards (no open redirect). */
export function safeNext(next: unknown): string | null {
  return typeof next === "string" && /^\/(session|jwt|hybrid)\/mypage$/.test(next) ? next : null;
}
