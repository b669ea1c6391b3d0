/** A compact JWS split into its three parts, header and payload decoded. No key needed: T11. */
type JwtParts = {
  raw: [string, string, string];
  header: Record<string, unknown>;
  payload: Record<string, unknown> & { exp?: number; iat?: number; sub?: string; preferred_username?: string; name?: string };
};

function decodeSegment(segment: string): Record<string, unknown> {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(segment.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not a JSON object");
  return value as Record<string, unknown>;
}

export function splitJwt(token: string): JwtParts | null {
  const raw = token.split(".");
  if (raw.length !== 3) return null;
  try {
    return { raw: raw as [string, string, string], header: decodeSegment(raw[0]), payload: decodeSegment(raw[1]) };
  } catch {
    return null;
  }
}

/** The token's `exp` in seconds since the epoch; 0 when it is not a JWT or has none. */
export function expOf(token: string): number {
  return Number(splitJwt(token)?.payload.exp ?? 0);
}
