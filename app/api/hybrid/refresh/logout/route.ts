import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { logOut } from "@/app/hybrid/login";
import { instrumented } from "@/lib/http";

/** Revokes the refresh-token family and clears the cookie. The access token lives out its short exp. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    await logOut();
    return new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}
