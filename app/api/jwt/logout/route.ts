import type { NextRequest } from "next/server";
import { logOut } from "@/app/jwt/login";
import { instrumented, json } from "@/lib/http";

/**
 * JWT logout, server side. For an ordinary token there is nothing to do (it stays valid until
 * exp); a revocable token's jti goes on the deny-list. The JWT cookie, if any, is cleared — which
 * deletes this browser's copy, not the token.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const { revoked, message } = await logOut(req.headers.get("authorization"));
    return json({ revoked, message });
  });
}
