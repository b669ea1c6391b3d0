import "server-only";
import { NextResponse } from "next/server";
import { HYBRID_AUDIENCE, verifyBearer } from "./auth/access-token";
import { jwtCookie, sessionCookie } from "./auth/cookies";
import { type AuthErrorCode, type AuthFailure, failure } from "./auth/errors";
import { verifyJwt } from "./auth/jwt-credential";
import { andThen, type MaybePromise } from "./auth/remembered";
import { openSeal } from "./auth/seal";
import type { Mode } from "./client/modes";
import { bearerFailure, jsonFailure, received } from "./http";
import { JWT_TRANSPORT_COOKIE, jwtTransportOf } from "./jwt-transport";
import { loginPanelPath } from "./login-panel";
import { namespaced } from "./cookie-namespace";
import { env } from "./env";

/**
 * What proxy.ts decides for one request, before any page or route runs: the quick, store-free
 * check of the credential that reaches that path by itself. It is never the only check: every
 * guarded page and route checks again through the data access layer (lib/dal.ts), store included —
 * a revoked session or a deny-listed jti passes here and is refused there. The second check of the
 * cryptography is a cache hit (lib/auth/remembered.ts `sharedRemembered`).
 *
 * No database client in this module's imports, nor in anything it imports.
 */
export type GuardRequest = {
  pathname: string;
  cookie(name: string): string | undefined;
  header(name: string): string | null;
};

export type Verdict =
  | { action: "pass" }
  /** A page: back to the mode's login panel, with the reason. */
  | { action: "redirect"; mode: Mode; code: AuthErrorCode; location: string }
  /** An API route: the very 401 the route would give. */
  | { action: "refuse"; mode: Mode; failure: AuthFailure; bearer: boolean };

/** The API routes the guard refuses for; the pages it redirects from. /hybrid/mypage is neither (see below). */
export const GUARDED_ROUTES = ["/api/session/mypage", "/api/jwt/mypage", "/api/hybrid/mypage"] as const;
export const GUARDED_PAGES = ["/session/mypage", "/jwt/mypage"] as const;

const PASS: Verdict = { action: "pass" };
const redirect = (mode: Mode, f: AuthFailure): Verdict => ({ action: "redirect", mode, code: f.code, location: loginPanelPath(mode, f.code, `/${mode}/mypage`, "guard") });
const refuse = (mode: Mode, f: AuthFailure, bearer: boolean): Verdict => ({ action: "refuse", mode, failure: f, bearer });
const ok = (r: { ok: boolean }) => r.ok;

export function guard(req: GuardRequest, now = new Date()): MaybePromise<Verdict> {
  const session = () => openSeal(req.cookie(sessionCookie().name), now.getTime());
  const jwt = () => verifyJwt({ authorization: req.header("authorization"), cookie: req.cookie(jwtCookie().name) }, now);
  switch (req.pathname) {
    // The browser sends the session cookie with every navigation.
    case "/session/mypage":
      return andThen(session(), (r) => (ok(r) ? PASS : redirect("session", r as AuthFailure)));
    // A navigation brings the JWT only in the cookie transport. Without a cookie, the visitor who
    // chose that transport is refused here; a localStorage token never reaches a page request, so
    // for that transport the page's own script checks (through the guarded API).
    case "/jwt/mypage": {
      const cookie = req.cookie(jwtCookie().name);
      if (!cookie) {
        return jwtTransportOf(req.cookie(namespaced(env().COOKIE_NAMESPACE, JWT_TRANSPORT_COOKIE))) === "cookie" ? redirect("jwt", failure("token_missing")) : PASS;
      }
      return andThen(verifyJwt({ cookie }, now), (r) => (ok(r) ? PASS : redirect("jwt", r as AuthFailure)));
    }
    // Hybrid's access token lives in page memory: no page request ever carries it, so
    // /hybrid/mypage cannot be guarded here. Its guard is the API route's, below.
    case "/api/session/mypage":
      return andThen(session(), (r) => (ok(r) ? PASS : refuse("session", r as AuthFailure, false)));
    case "/api/jwt/mypage":
      return andThen(jwt(), (r) => (ok(r) ? PASS : refuse("jwt", r as AuthFailure, true)));
    case "/api/hybrid/mypage":
      return andThen(verifyBearer(req.header("authorization"), HYBRID_AUDIENCE, now), (r) => (ok(r) ? PASS : refuse("hybrid", r as AuthFailure, true)));
    default:
      return PASS;
  }
}

/**
 * A refusal as the route would answer it — same status, body and WWW-Authenticate (the same
 * functions build both) — marked `X-Refused-By: guard`, with the credentials that arrived and the
 * guard's own time, so the panels' timelines can tell the guard's refusals from the route's.
 */
export function refusal(verdict: Extract<Verdict, { action: "refuse" }>, headers: Headers, ms: number): NextResponse {
  const res = verdict.bearer ? bearerFailure(verdict.failure) : jsonFailure(verdict.failure);
  res.headers.set("X-Refused-By", "guard");
  res.headers.set("X-Credentials-Received", JSON.stringify(received(headers)));
  res.headers.set("Server-Timing", `guard;dur=${ms.toFixed(3)}`);
  return res;
}
