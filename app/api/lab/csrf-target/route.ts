import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

/**
 * The cross-site lab's target: records what a request really brought — Origin, Sec-Fetch-Site,
 * which login cookies, whether an Authorization header — so the attacker page (on another origin,
 * which cannot read this response) can show it from the log. It changes nothing.
 */
type Arrival = { at: string; method: string; origin: string | null; secFetchSite: string | null; cookies: string[]; authorization: boolean };
const globalForLog = globalThis as unknown as { loginLabCsrfLog?: Arrival[] };
const log = (globalForLog.loginLabCsrfLog ??= []);

function record(req: NextRequest) {
  log.unshift({
    at: new Date().toISOString(),
    method: req.method,
    origin: req.headers.get("origin"),
    secFetchSite: req.headers.get("sec-fetch-site"),
    cookies: req.cookies.getAll().map((c) => c.name).filter((n) => /ll_(session|refresh)$/.test(n)),
    authorization: req.headers.has("authorization"),
  });
  log.splice(30);
  return new NextResponse("recorded", { status: 202, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain" } });
}

export const POST = record;

/** The log, newest first (GET never records). */
export function GET() {
  return NextResponse.json({ arrivals: log }, { headers: { "Cache-Control": "no-store" } });
}

/** Empties the log (the lab's "start over"). */
export function DELETE() {
  log.splice(0);
  return new NextResponse(null, { status: 204 });
}
