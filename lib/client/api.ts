/** What a panel shows about one API call: status, JSON body, and the time it took. */
export type ApiResult = { status: number; body: unknown; ms: number; wwwAuthenticate?: string | null };

export async function callApi(path: string, init: RequestInit = {}): Promise<ApiResult> {
  const started = performance.now();
  const res = await fetch(path, { cache: "no-store", ...init });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: show the text */
  }
  return { status: res.status, body, ms: Math.round(performance.now() - started), wwwAuthenticate: res.headers.get("www-authenticate") };
}

export function errorCode(result: ApiResult): string | null {
  const body = result.body as { error?: unknown } | null;
  return body && typeof body.error === "string" ? body.error : null;
}
