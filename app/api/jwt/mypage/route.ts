import type { NextRequest } from "next/server";
import { readJwt } from "@/lib/auth/jwt";
import { bearerFailure, json } from "@/lib/http";

export async function GET(req: NextRequest) {
  const result = await readJwt(req.headers.get("authorization"));
  if (!result.ok) return bearerFailure(result);
  return json({ user: result.user, claims: result.claims });
}
