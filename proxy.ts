import { type NextRequest, NextResponse } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { openSeal } from "@/lib/auth/seal";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { labCookie, labIdOf, newLabId, withCookie } from "@/lib/lab-visitor";
import { loginPanelPath } from "@/lib/login-panel";

/**
 * The request guard, in front of every page:
 * - every page gets a Content-Security-Policy with a fresh nonce (Next.js puts it on its own
 *   scripts), except the deliberately vulnerable XSS lab (unless asked) and the attacker page;
 * - /session/mypage: the browser sends the session cookie by itself, so an absent or unreadable
 *   cookie is redirected to the login panel here (the page checks the store again before it
 *   renders anything; this is only the quick check);
 * - /jwt/mypage and /hybrid/mypage: a navigation carries no Authorization header, so there is
 *   nothing to check here. Those pages fetch their data with the token from script, and the API
 *   verifies it.
 * - pages under /lab/ give a browser without one its lab cookie (lib/lab-visitor.ts): the labs'
 *   records (the XSS inbox, the cross-site log) belong to that cookie, so no visitor sees another's.
 */
export async function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  if (pathname === "/session/mypage") {
    const unsealed = await openSeal(req.cookies.get(sessionCookie().name)?.value);
    if (!unsealed.ok) return NextResponse.redirect(new URL(loginPanelPath("session", unsealed.code, pathname), req.url));
  }
  // The XSS lab is vulnerable on purpose (unless asked for its CSP); the attacker page plays
  // another site, whose policy is not ours to set (ours would stop its cross-site form).
  const exempt = (pathname === "/lab/xss" && searchParams.get("csp") !== "on") || pathname === "/lab/attacker";
  const lab = pathname.startsWith("/lab/") && !labIdOf(req) ? { ...labCookie(), value: newLabId() } : null;
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
    {
      // Pages only: not the JSON API, not static files.
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|\\.well-known).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
