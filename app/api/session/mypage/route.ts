import type { NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import { readSession } from "@/lib/auth/session";
import { json, jsonFailure } from "@/lib/http";

export async function GET(req: NextRequest) {
  const result = await readSession(req.cookies.get(sessionCookie().name)?.value);
  if (!result.ok) return jsonFailure(result);
  return json({ user: result.user, session: result.session });
}
