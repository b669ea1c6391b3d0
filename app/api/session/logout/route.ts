import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { revokeSession } from "@/lib/auth/session";
import { instrumented } from "@/lib/http";

/** Deletes the session row and clears the cookie. Always 204: logging out twice is not an error. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const cookie = sessionCookie();
    await revokeSession(req.cookies.get(cookie.name)?.value);
    const res = new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } });
    res.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
    return res;
  });
}
