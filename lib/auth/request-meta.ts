/** Who is asking: stored with sessions and refresh tokens, shown on the device list, throttled by. */
export type RequestMeta = { userAgent: string | null; ip: string };

/**
 * Set by scripts/server.mjs (`npm start`) from the socket, or from TRUST_PROXY_HOPS trusted
 * proxies' X-Forwarded-For; any copy a client sends is overwritten there.
 */
const CLIENT_IP_HEADER = "x-login-lab-client-ip";

/**
 * The client address comes from the production server's header. Without it (`next dev`, which
 * serves only this machine), Next.js's own X-Forwarded-For is the fallback: it holds the socket's
 * peer unless the client sent one, so there it is only as trustworthy as the client.
 */
export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  return {
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    ip: (headers.get(CLIENT_IP_HEADER) ?? forwarded.at(-1) ?? "unknown").slice(0, 64),
  };
}
