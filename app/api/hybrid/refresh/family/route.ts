import type { NextRequest } from "next/server";
import { refreshCookie } from "@/lib/auth/cookies";
import { familyChain } from "@/lib/auth/hybrid-devices";
import { instrumented, json, jsonFailure } from "@/lib/http";

/** The chain of refresh tokens in this browser's family (hashes shortened), without rotating it. */
export function GET(req: NextRequest) {
  return instrumented(null, req, async () => {
    const chain = await familyChain(req.cookies.get(refreshCookie().name)?.value);
    return chain ? json(chain) : jsonFailure("refresh_invalid");
  });
}
