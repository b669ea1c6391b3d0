import type { NextRequest } from "next/server";
import * as Jwt from "@/lib/auth/jwt";
import { bearerFailure, instrumented, json } from "@/lib/http";
import { authStep } from "@/lib/trace";

export function GET(req: NextRequest) {
  return instrumented("jwt", req, async () => {
    const result = await authStep(() => Jwt.authenticate(req.headers.get("authorization")));
    if (!result.ok) return bearerFailure(result);
    return json({ user: result.user, claims: result.claims });
  });
}
