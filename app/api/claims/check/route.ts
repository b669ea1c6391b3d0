import type { NextRequest } from "next/server";
import { z } from "zod";
import { CLAIMS, ClaimsBusy, checkClaim } from "@/lib/claims";
import type { ClaimId } from "@/lib/claims-list";
import { instrumented, json, readJson } from "@/lib/http";

const body = z.object({ id: z.enum(CLAIMS.map((c) => c.id) as [ClaimId, ...ClaimId[]]) });

/** Runs one claim's live check on this instance (lib/claims.ts) and answers its verdict and evidence. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    try {
      return json(await checkClaim(input.data.id));
    } catch (error) {
      if (error instanceof ClaimsBusy) return json({ error: "checks_busy", message: error.message }, { status: 429, headers: { "Retry-After": "2" } });
      throw error;
    }
  });
}
