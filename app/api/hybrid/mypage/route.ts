import type { NextRequest } from "next/server";
import * as Hybrid from "@/lib/auth/hybrid";
import { bearerFailure, instrumented, json } from "@/lib/http";
import { authStep } from "@/lib/trace";

export function GET(req: NextRequest) {
  return instrumented("hybrid", req, async () => {
    const result = await authStep(() => Hybrid.authenticate(req.headers.get("authorization")));
    if (!result.ok) return bearerFailure(result);
    return json({ user: result.user, claims: result.claims });
  });
}
