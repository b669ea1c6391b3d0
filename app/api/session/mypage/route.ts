import type { NextRequest } from "next/server";
import { sessionOf } from "@/lib/dal";
import { instrumented, json, jsonFailure } from "@/lib/http";
import { authStep } from "@/lib/trace";

export function GET(req: NextRequest) {
  return instrumented("session", req, async () => {
    const result = await authStep(() => sessionOf(req));
    if (!result.ok) return jsonFailure(result);
    return json({ user: result.user, session: result.session });
  });
}
