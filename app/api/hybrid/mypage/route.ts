import type { NextRequest } from "next/server";
import { readHybrid } from "@/lib/auth/hybrid";
import { bearerFailure, json } from "@/lib/http";

export async function GET(req: NextRequest) {
  const result = await readHybrid(req.headers.get("authorization"));
  if (!result.ok) return bearerFailure(result);
  return json({ user: result.user, claims: result.claims });
}
