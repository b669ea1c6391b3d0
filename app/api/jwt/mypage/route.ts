import type { NextRequest } from "next/server";
import * as Jwt from "@/lib/auth/jwt";
import { jwtOf } from "@/lib/dal";
import { bearerFailure, instrumented, json } from "@/lib/http";
import { authStep } from "@/lib/trace";

/** The token from the Authorization header, else from the JWT cookie; proxy.ts has checked it once already. */
export function GET(req: NextRequest) {
  return instrumented("jwt", req, async () => {
    const result = await authStep(() => Jwt.authenticate(jwtOf(req)));
    if (!result.ok) return bearerFailure(result);
    return json({ user: result.user, claims: result.claims, transport: result.source });
  });
}
