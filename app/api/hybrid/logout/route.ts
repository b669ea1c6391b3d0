import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { refreshCookie } from "@/lib/auth/cookies";
import { revokeHybrid } from "@/lib/auth/hybrid";
import { instrumented } from "@/lib/http";

/** Revokes the refresh-token family and clears the cookie. The access token lives out its short exp. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const cookie = refreshCookie();
    await revokeHybrid(req.cookies.get(cookie.name)?.value);
    const res = new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } });
    res.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
    return res;
  });
}
