import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { type AuthErrorCode, type AuthFailure, failure, statusOf } from "./auth/errors";
import { type RouteName, recordAuth } from "./metrics";
import { serverTiming, traced } from "./trace";
import { BusyError } from "./auth/hash-budget";

/** Login bodies are tiny; anything bigger is refused before it is read in full. */
export const MAX_JSON_BODY_BYTES = 4 * 1024;

/** Responses that carry user data or credentials must never be stored by a cache. */
const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/** `{ error, message }` (+ `detail` where the code has several causes) with the code's status; Retry-After when the failure says how long. */
export function jsonFailure(f: AuthFailure | AuthErrorCode, headers: Record<string, string> = {}) {
  const fail = typeof f === "string" ? failure(f) : f;
  const extra: Record<string, string> = fail.retryAfterSeconds ? { "Retry-After": String(fail.retryAfterSeconds) } : {};
  return json({ error: fail.code, message: fail.message, ...(fail.detail ? { detail: fail.detail } : {}) }, { status: statusOf(fail.code), headers: { ...extra, ...headers } });
}

/** RFC 6750 §3: a Bearer-protected resource says how it wants to be authenticated. */
export function bearerFailure(f: AuthFailure) {
  const header = f.code === "token_missing" ? 'Bearer realm="login-lab"' : `Bearer realm="login-lab", error="invalid_token", error_description="${f.code}"`;
  return jsonFailure(f, { "WWW-Authenticate": header });
}

/**
 * Reads and validates a JSON body: 415 unless it is JSON, 413 past the size limit (checked while
 * streaming, whatever Content-Length claims), 400 for bad JSON or a body the schema rejects.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: NextResponse }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) return { ok: false, response: jsonFailure("unsupported_media_type") };
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) return { ok: false, response: jsonFailure("body_too_large") };

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_JSON_BODY_BYTES) {
        await reader.cancel();
        return { ok: false, response: jsonFailure("body_too_large") };
      }
      chunks.push(value);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    return { ok: false, response: jsonFailure("invalid_body") };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    return { ok: false, response: jsonFailure(failure("invalid_body", { message: `Invalid body — ${detail}` })) };
  }
  return { ok: true, data: result.data };
}

/**
 * A state-changing request sent by a page of another origin. SameSite already keeps the session
 * and refresh cookies off cross-site requests; this also refuses same-site ones (a sibling
 * subdomain) and any browser that ignores SameSite. Clients without an Origin (curl) pass.
 */
export function crossSite(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  if (req.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== req.headers.get("host");
  } catch {
    return true;
  }
}

/** What credentials reached the server with a request, by name and size: the other side of HttpOnly. */
export type Received = { cookieHeaderBytes: number; cookies: { name: string; bytes: number }[]; authorizationBytes: number };

const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");

export function received(headers: Headers): Received {
  const cookie = headers.get("cookie") ?? "";
  const cookies = (cookie ? cookie.split(/;\s*/) : []).slice(0, 20).map((pair) => {
    const eq = pair.indexOf("=");
    return { name: (eq < 0 ? pair : pair.slice(0, eq)).replace(/[^\w.-]/g, "?").slice(0, 64), bytes: utf8Bytes(pair) };
  });
  const authorization = headers.get("authorization");
  return { cookieHeaderBytes: utf8Bytes(cookie), cookies, authorizationBytes: authorization ? utf8Bytes(authorization) : 0 };
}

/**
 * Runs a route inside a trace, then stamps the response with `Server-Timing` (auth and store time,
 * store queries) and `X-Credentials-Received` (the cookies and Authorization header that arrived,
 * with their sizes) and, on a refusal, `X-Refused-By: route`, and records the auth time of guarded routes for the compare page.
 */
/** A route whose work needed a password hash and got no slot in time (lib/auth/hash-budget.ts): 503 `busy`, never a 500. */
async function busyAware(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof BusyError) return jsonFailure(failure("busy", { retryAfterSeconds: error.retryAfterSeconds }));
    throw error;
  }
}

export async function instrumented(route: RouteName | null, req: Request, handler: () => Promise<Response>): Promise<Response> {
  const { result: res, trace } = await traced(() => (crossSite(req) ? Promise.resolve(jsonFailure("cross_site_request")) : busyAware(handler)));
  res.headers.set("Server-Timing", serverTiming(trace));
  res.headers.set("X-Credentials-Received", JSON.stringify(received(req.headers)));
  // proxy.ts answers its own refusals with `X-Refused-By: guard`; these came from the route.
  if (res.status >= 400) res.headers.set("X-Refused-By", "route");
  if (route) recordAuth(route, trace);
  return res;
}
