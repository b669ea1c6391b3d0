import type { Received } from "@/lib/http";
import type { Mode } from "./modes";
import { reportRefusal } from "./refusals";
import { credentialsOf, parseServerTiming, record, verdictOf } from "./timeline";

/** What a panel shows about one API call: status, JSON body, and the time it took. */
export type ApiResult = { status: number; body: unknown; ms: number; wwwAuthenticate?: string | null };

function receivedOf(res: Response): Received | null {
  try {
    return JSON.parse(res.headers.get("x-credentials-received") ?? "null") as Received | null;
  } catch {
    return null;
  }
}

/**
 * Calls one of the app's JSON routes and, when `mode` is given, adds the request to that panel's
 * timeline: what credential travelled and how, its size as the server received it, and the
 * server's own Server-Timing. A refusal of the panel's own credential is reported to the panel
 * (lib/client/refusals.ts).
 */
export async function callApi(path: string, init: RequestInit = {}, mode?: Mode, label?: string, options: { own?: boolean } = {}): Promise<ApiResult> {
  const started = performance.now();
  const method = init.method ?? "GET";
  let res: Response;
  try {
    res = await fetch(path, { cache: "no-store", ...init });
  } catch (error) {
    if (mode) record(mode, { label: label ?? "", method, path, status: null, ms: null, code: "network_error", credentials: [], received: null, timing: null });
    throw error;
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: show the text */
  }
  const ms = Math.round(performance.now() - started);
  const result: ApiResult = { status: res.status, body, ms, wwwAuthenticate: res.headers.get("www-authenticate") };
  // The browser sends the session cookie by itself, so any session route's refusal of it is the
  // panel's own; a token-mode call says so (`own`) when it carried the panel's own token.
  const code = errorCode(result);
  if (res.status === 401 && code?.startsWith("session_") && path.startsWith("/api/session/")) {
    reportRefusal("session", code, (body as { message?: string } | null)?.message ?? code, (body as { detail?: unknown } | null)?.detail);
  } else if (mode && res.status === 401 && code && options.own) {
    reportRefusal(mode, code, (body as { message?: string } | null)?.message ?? code, (body as { detail?: unknown } | null)?.detail);
  }
  if (mode) {
    const received = receivedOf(res);
    const sentAuthorization = new Headers(init.headers).has("authorization");
    record(mode, {
      label: label ?? "",
      method,
      path,
      status: res.status,
      ms,
      code: errorCode(result),
      credentials: credentialsOf(received, sentAuthorization, path),
      received,
      timing: parseServerTiming(res.headers.get("server-timing")),
      refusedBy: refusedBy(res.headers.get("x-refused-by")),
      verdict: res.status === 200 ? verdictOf(body) : null,
    });
  }
  return result;
}

function refusedBy(header: string | null): "guard" | "route" | null {
  return header === "guard" || header === "route" ? header : null;
}

export function errorCode(result: ApiResult): string | null {
  const body = result.body as { error?: unknown } | null;
  return body && typeof body.error === "string" ? body.error : null;
}
