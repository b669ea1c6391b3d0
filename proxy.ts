import { type NextRequest, NextResponse } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { unsealSessionToken } from "@/lib/auth/session";

/**
 * The request guard. It can only guard what reaches it on a navigation:
 * - /session/mypage: the browser sends the session cookie by itself, so an absent or unreadable
 *   cookie is redirected to the login panel here (the page checks the store again before it
 *   renders anything; this is only the quick check);
 * - /jwt/mypage and /hybrid/mypage: a navigation carries no Authorization header, so there is
 *   nothing to check here. Those pages fetch their data with the token from script, and the API
 *   verifies it.
 */
export async function proxy(req: NextRequest) {
  const unsealed = await unsealSessionToken(req.cookies.get(sessionCookie().name)?.value);
  if (unsealed.ok) return NextResponse.next();
  return NextResponse.redirect(loginPanelUrl(req, "session", unsealed.code));
}

/** Back to the mode's panel on `/`, remembering where the visitor was going and why they are back. */
export function loginPanelUrl(req: NextRequest, mode: "session" | "jwt" | "hybrid", reason: string): URL {
  const url = new URL("/", req.url);
  url.searchParams.set("next", req.nextUrl.pathname);
  url.searchParams.set("reason", reason);
  url.hash = mode;
  return url;
}

export const config = { matcher: ["/session/mypage"] };
