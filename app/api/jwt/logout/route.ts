import type { NextRequest } from "next/server";
import { revokeJwt } from "@/lib/auth/jwt";
import { instrumented, json } from "@/lib/http";

/**
 * JWT logout, server side. For an ordinary token there is nothing to do (it stays valid until
 * exp); a revocable token's jti goes on the deny-list.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => json(await revokeJwt(req.headers.get("authorization"))));
}
