import "server-only";
import { db } from "../db";
import { env } from "../env";
import { type AuthFailure, failure } from "./errors";
import * as Session from "./session";
import { listDevices, SIMULATED_AGENT } from "./session-devices";
import type { PublicUser } from "./users";

/** At most this many simulated devices per user per hour, however they are revoked in between. */
export const SIMULATED_PER_HOUR = 40;

/**
 * "Log in N more devices" (S3): up to `count` more sessions for the user, as other browsers logging
 * in would — never past the per-user limit (they must not evict the visitor's real sessions), and
 * never more than SIMULATED_PER_HOUR an hour, so the store cannot be grown on demand.
 */
export async function simulateDevices(user: PublicUser, currentId: string, count: number, now = new Date()): Promise<{ created: number; sessions: number; limit: number } | AuthFailure> {
  const hourAgo = new Date(now.getTime() - 3600_000);
  const recent = await db().session.count({ where: { userId: user.id, userAgent: { startsWith: SIMULATED_AGENT }, createdAt: { gt: hourAgo } } });
  if (recent >= SIMULATED_PER_HOUR) {
    return failure("rate_limited", { retryAfterSeconds: 3600, detail: { key: "simulatedPerHour", values: { max: SIMULATED_PER_HOUR } } });
  }
  const live = (await listDevices(user.id, currentId, now)).length;
  const limit = env().SESSION_MAX_PER_USER;
  const n = Math.max(0, Math.min(count, limit - live, SIMULATED_PER_HOUR - recent));
  for (let i = 0; i < n; i++) await Session.login(user, { userAgent: `${SIMULATED_AGENT} ${live + i + 1}`, ip: "203.0.113.7" }, { now });
  return { created: n, sessions: live + n, limit };
}
