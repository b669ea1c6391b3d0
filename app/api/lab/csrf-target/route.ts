import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import type { Arrival } from "@/app/lab/attacker/arrival";
import { crossSite, jsonFailure } from "@/lib/http";
import { labIdOf, logKeyOf, validLogKey, VisitorLists } from "@/lib/lab-visitor";

/**
 * The cross-site lab's target: records what a request really brought — Origin, Sec-Fetch-Site,
 * which login cookies, whether an Authorization header — so the attacker page (on another origin,
 * which cannot read this response) can show it from the log. It changes nothing.
 *
 * One log per lab visitor. The request to record arrives at the other host name, without this
 * visitor's lab cookie (that is the point of the lab), so the attacker page names the log in the
 * URL: `?log=<key>`, a key derived from its lab cookie (see logKeyOf). Reading and clearing happen
 * on the attacker page's own origin, where the cookie comes along and gives the same key.
 */
const globalForLog = globalThis as unknown as { loginLabCsrfLog?: VisitorLists<Arrival> };
// An arrival is a few hundred characters (header values are cut to 200 below).
const logs = (globalForLog.loginLabCsrfLog ??= new VisitorLists<Arrival>({ visitors: 2_000, perVisitor: 30, chars: 8_000_000 }));

const text = (body: string, status: number) => new NextResponse(body, { status, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain" } });
const header = (req: NextRequest, name: string) => req.headers.get(name)?.slice(0, 200) ?? null;

/** Records the arrival in the log its URL names; a request naming no well-formed log is not recorded. */
export function POST(req: NextRequest) {
  const key = validLogKey(req.nextUrl.searchParams.get("log"));
  if (!key) return text("not recorded: no ?log=<key> (the attacker page adds its own)", 400);
  logs.add(key, {
    at: new Date().toISOString(),
    method: req.method,
    origin: header(req, "origin"),
    secFetchSite: header(req, "sec-fetch-site"),
    cookies: req.cookies.getAll().map((c) => c.name).filter((n) => /ll_(session|refresh|jwt)$/.test(n)),
    authorization: req.headers.has("authorization"),
  });
  return text("recorded", 202);
}

/** This browser's log, newest first (GET never records); empty without a lab cookie. */
export function GET(req: NextRequest) {
  const visitor = labIdOf(req);
  return NextResponse.json({ arrivals: visitor ? logs.list(logKeyOf(visitor)) : [] }, { headers: { "Cache-Control": "no-store" } });
}

/** Empties this browser's log (the lab's "start over"); only its own lab cookie says which. */
export function DELETE(req: NextRequest) {
  if (crossSite(req)) return jsonFailure("cross_site_request");
  const visitor = labIdOf(req);
  if (!visitor) return text("no lab cookie: nothing to clear", 403);
  logs.clear(logKeyOf(visitor));
  return new NextResponse(null, { status: 204 });
}
