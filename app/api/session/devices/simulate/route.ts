import type { NextRequest } from "next/server";
import { z } from "zod";
import { simulateDevices } from "@/lib/auth/simulate-devices";
import { sessionOf } from "@/lib/dal";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

const body = z.object({ count: z.number().int().min(1).max(50) });

/** "Log in N more devices" (S3): more sessions for the logged-in user, capped (see simulateDevices). */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const owner = await sessionOf(req);
    if (!owner.ok) return jsonFailure(owner);
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    const result = await simulateDevices(owner.user, owner.session.id, input.data.count);
    return "ok" in result ? jsonFailure(result) : json(result);
  });
}
