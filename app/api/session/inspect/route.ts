import type { NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/cookies";
import * as Session from "@/lib/auth/session";
import { openSeal } from "@/lib/auth/seal";
import { instrumented, json, jsonFailure } from "@/lib/http";

/**
 * The session cookie as the browser holds it and what the server unseals from it — shown only to
 * the owner of a valid session, and both shortened: handing the whole value to page script would
 * undo HttpOnly (an injected script could read it here).
 */
const shorten = (v: string) => `${v.slice(0, 28)}…${v.slice(-12)}`;

export function GET(req: NextRequest) {
  return instrumented(null, req, async () => {
    const name = sessionCookie().name;
    const value = req.cookies.get(name)?.value;
    const result = await Session.authenticate(value);
    if (!result.ok) return jsonFailure(result);
    const opened = await openSeal(value);
    const token = opened.ok ? opened.token : "";
    return json({
      cookie: { name, value: shorten(value as string), bytes: Buffer.byteLength(`${name}=${value}`) },
      unsealed: { t: `${token.slice(0, 6)}…(${token.length} characters)` },
      storedAs: { id: `${result.session.id.slice(0, 16)}…`, note: "sha256 of the token: the store never holds the token itself" },
    });
  });
}
