import type { NextRequest } from "next/server";
import * as Jwt from "@/lib/auth/jwt";
import { instrumented, json } from "@/lib/http";

/**
 * JWT logout, server side. For an ordinary token there is nothing to do (it stays valid until
 * exp); a revocable token's jti goes on the deny-list.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const { revoked, message } = await Jwt.logout(req.headers.get("authorization"));
    return json({ revoked, message });
  });
}
