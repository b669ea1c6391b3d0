import type { NextRequest } from "next/server";
import { instrumented, json } from "@/lib/http";
import { authStep } from "@/lib/trace";

const user = { id: "user_alice", username: "alice", displayName: "Alice" };
const t = Date.UTC(2026, 0, 1);
const at = (s: number) => new Date(t + s * 1000);
const iat = t / 1000;

/** Bodies of the same shape and size as each guarded route's 200 answer. */
const SHAPES = {
  session: {
    user,
    session: {
      id: "0".repeat(64),
      createdAt: at(0),
      lastSeenAt: at(0),
      idleExpiresAt: at(1800),
      absoluteExpiresAt: at(43200),
      expiresAt: at(1800),
      userAgent: "autocannon",
      ip: "::ffff:127.0.0.1",
    },
  },
  jwt: {
    user,
    claims: { iss: "login-lab", aud: "login-lab:jwt", sub: user.id, preferred_username: "alice", name: "Alice", iat, nbf: iat, exp: iat + 900, jti: "00000000-0000-4000-8000-000000000000" },
  },
  hybrid: {
    user,
    claims: {
      iss: "login-lab",
      aud: "login-lab:hybrid",
      sub: user.id,
      preferred_username: "alice",
      name: "Alice",
      iat,
      nbf: iat,
      exp: iat + 300,
      jti: "00000000-0000-4000-8000-000000000000",
      sid: "00000000-0000-4000-8000-000000000000",
    },
  },
};

/**
 * The benchmark's yardstick: `?shape=session|jwt|hybrid` answers with a body of the same shape as
 * that mode's /api/<mode>/mypage, through the same instrumentation, with an empty auth step.
 * guarded ÷ baseline throughput is then the cost of the mode's check alone.
 */
export function GET(req: NextRequest) {
  const shape = req.nextUrl.searchParams.get("shape");
  const body = SHAPES[shape === "jwt" || shape === "hybrid" ? shape : "session"];
  return instrumented("baseline", req, async () => json(await authStep(() => body)));
}
