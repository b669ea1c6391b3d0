import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { logOut } from "@/app/session/login";
import { instrumented } from "@/lib/http";

/** Deletes the session row and clears the cookie. Always 204: logging out twice is not an error. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    await logOut();
    return new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}
