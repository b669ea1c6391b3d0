import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { guard, refusal } from "@/lib/guard";
import { labCookie, labIdOf, newLabId, withCookie } from "@/lib/lab-visitor";

/**
 * The request guard, in front of every page and of the guarded API routes:
 * - the login guard (lib/guard.ts), for every mode, wherever a credential reaches the server by
 *   itself or with the request: /session/mypage (the session cookie) and /jwt/mypage (the JWT
 *   cookie, in the cookie transport) redirect to the login panel with the reason;
 *   GET /api/{session,jwt,hybrid}/mypage get the route's own 401 before the route runs.
 *   /hybrid/mypage cannot be guarded: no page request carries an access token kept in memory.
 *   The quick check only — pages and routes check again, store included;
 * - every page gets a Content-Security-Policy with a fresh nonce (Next.js puts it on its own
 *   scripts), except the deliberately vulnerable XSS lab (unless asked) and the attacker page;
 * - pages under /lab/ give a browser without one its lab cookie (lib/lab-visitor.ts): the labs'
 *   records (the XSS inbox, the cross-site log) belong to that cookie, so no visitor sees another's.
 */
export async function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  const started = performance.now();
  const verdict = await guard({ pathname, cookie: (name) => req.cookies.get(name)?.value, header: (name) => req.headers.get(name) });
  if (verdict.action === "refuse") return refusal(verdict, req.headers, performance.now() - started);
  if (verdict.action === "redirect") return NextResponse.redirect(new URL(verdict.location, req.url));
  if (pathname.startsWith("/api/")) return NextResponse.next();

  // The XSS lab is vulnerable on purpose (unless asked for its CSP); the attacker page plays
  // another site, whose policy is not ours to set (ours would stop its cross-site form).
  const exempt = (pathname === "/lab/xss" && searchParams.get("csp") !== "on") || pathname === "/lab/attacker";
  // A browser's prefetch is no visit (yet): it gets the page's CSP but gives the browser no lab cookie.
  const prefetch = /prefetch/i.test(`${req.headers.get("purpose") ?? ""} ${req.headers.get("sec-purpose") ?? ""}`);
  const lab = pathname.startsWith("/lab/") && !prefetch && !labIdOf(req) ? { ...labCookie(), value: newLabId() } : null;
  if (exempt && !lab) return NextResponse.next();

  const headers = new Headers(req.headers);
  // The page rendering this very request reads the new cookie from the forwarded request.
  if (lab) headers.set("cookie", withCookie(req.headers.get("cookie"), lab.name, lab.value));
  let csp: string | null = null;
  if (!exempt) {
    const nonce = newNonce();
    csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
    headers.set("Content-Security-Policy", csp);
  }
  const res = NextResponse.next({ request: { headers } });
  if (csp) res.headers.set("Content-Security-Policy", csp);
  if (lab) res.cookies.set(lab.name, lab.value, lab.options);
  return res;
}

export const config = {
  matcher: [
    // The guarded API routes — and the benchmark's unguarded baseline, so that both pay the
    // proxy's passage alike and guarded ÷ baseline stays the cost of the check alone. Left out on
    // purpose: /api/baseline/unproxied, the same answer, so that unproxied ÷ baseline is the cost
    // of the passage itself (scripts/bench.ts; lib/proxy-matcher.test.ts holds both to it).
    "/api/(session|jwt|hybrid|baseline)/mypage",
    {
      // Pages only: not the JSON API, not static files. A browser's prefetch (`Purpose: prefetch`,
      // `Sec-Purpose: prefetch`) may become the document the visitor sees, so it carries the CSP
      // like any other page. The Next.js router's own prefetches (`Next-Router-Prefetch: 1`, a
      // header no navigation can carry) fetch RSC payloads, never a document: they skip the proxy,
      // so that a link in the header does not plant a lab cookie on every page (Next.js strips
      // that header before the proxy could tell).
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|\\.well-known).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
