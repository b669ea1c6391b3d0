/** Who is asking: stored with sessions and refresh tokens, shown on the device list. */
export type RequestMeta = { userAgent: string | null; ip: string };

/**
 * Route handlers do not see the socket, only X-Forwarded-For: Next.js fills it with the peer
 * address when the request has none, but keeps one the client sent. So the address is only as
 * trustworthy as what sits in front: behind a reverse proxy that appends the peer it saw, the last
 * entry is that peer; exposed directly, a client can claim any address. The per-client login
 * throttle inherits that limit; the per-account throttle does not depend on it.
 */
export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  return {
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    ip: (forwarded.at(-1) ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64),
  };
}
