import type { NextRequest } from "next/server";
import { z } from "zod";
import { logIn } from "@/app/session/login";
import { instrumented, json, jsonFailure, readJson } from "@/lib/http";

/** The form's login, as JSON: the same path (app/session/login.ts), answered with the user. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const body = await readJson(req, z.unknown());
    if (!body.ok) return body.response;
    const result = await logIn(body.data, req.headers);
    return result.ok ? json({ user: result.user }) : jsonFailure(result);
  });
}
