/** Who is asking: stored with sessions and refresh tokens, shown on the device list. */
export type RequestMeta = { userAgent: string | null; ip: string };

/**
 * Next's server appends the peer address to X-Forwarded-For; the last entry is the one this
 * server saw, the earlier ones are whatever the client claimed. Behind a trusted proxy, that
 * proxy's entry would be the one to use instead.
 */
export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  return {
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    ip: (forwarded.at(-1) ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64),
  };
}
