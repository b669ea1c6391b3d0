import "server-only";
import { unsealData } from "iron-session";
import { jwtVerify } from "jose";
import { signAccessToken, verifyAccessToken } from "./auth/access-token";
import { refreshCookie, sessionCookie } from "./auth/cookies";
import { HYBRID_AUDIENCE } from "./auth/hybrid";
import { JWT_AUDIENCE } from "./auth/jwt";
import { signingKey } from "./auth/keys";
import * as Session from "./auth/session";
import { sealToken } from "./auth/seal";
import { generateOpaqueToken } from "./auth/tokens";
import { db } from "./db";
import { env } from "./env";
import { routeStats } from "./metrics";
import { storeView } from "./store-view";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * The measuring user: a row of its own, so that measuring never touches a visitor's account or
 * sessions. Its password hash is not a hash, so no password ever logs in as it.
 */
const PROBE = { id: "user_compare_probe", username: "compare-probe", displayName: "Compare probe" };

/** How often the compare page measures, at most; every visitor in between sees the same numbers. */
export const MEASURE_INTERVAL_MS = 60_000;

let latest: { at: number; result: Promise<Measurements> } | undefined;

export type Measurements = Awaited<ReturnType<typeof measure>> & { measuredAt: Date };

/**
 * This instance's numbers for the compare page. Measuring costs ~300 crypto operations and one
 * session row written and deleted, so it runs at most once per MEASURE_INTERVAL_MS, shared by all
 * visitors (one run in flight at a time); the per-route live times are read fresh each time.
 */
export async function measurements(now = Date.now()): Promise<Measurements & { stats: ReturnType<typeof routeStats> }> {
  if (!latest || now - latest.at >= MEASURE_INTERVAL_MS) {
    const result = measure().then((m) => ({ ...m, measuredAt: new Date(now) }));
    latest = { at: now, result };
    result.catch(() => {
      if (latest?.result === result) latest = undefined;
    });
  }
  return { ...(await latest.result), stats: routeStats() };
}

/** Made the way a login makes them: a real sealed cookie, real signed tokens, a real session check. */
async function measure() {
  // Sizes are those of the demo user alice's tokens: signed here, measured, never sent anywhere.
  const user = { id: "user_alice", username: "alice", displayName: "Alice" };
  await db().user.upsert({ where: { id: PROBE.id }, create: { ...PROBE, passwordHash: "!" }, update: {} });
  const token = generateOpaqueToken();
  const sealed = await sealToken(token);
  const jwt = (await signAccessToken(user, JWT_AUDIENCE, env().JWT_TTL_SECONDS)).token;
  const hybrid = (await signAccessToken(user, HYBRID_AUDIENCE, env().HYBRID_ACCESS_TTL_SECONDS, { sid: crypto.randomUUID() })).token;
  // What the first sight of a credential costs, before anything is remembered: 20 of each, timed.
  const timeEach = async (fn: () => Promise<unknown>) => {
    await fn();
    const start = performance.now();
    for (let i = 0; i < 20; i++) await fn();
    return ((performance.now() - start) / 20) * 1000;
  };
  const key = (await signingKey()).publicKey;
  // And what the check costs once the credential is known: 200 checks of a real session and token.
  const loop = async (fn: () => unknown) => {
    for (let i = 0; i < 50; i++) await fn();
    const start = performance.now();
    for (let i = 0; i < 200; i++) await fn();
    return ((performance.now() - start) / 200) * 1000;
  };
  const probe = await Session.login(PROBE, { userAgent: "Login Lab compare page (measuring, deleted at once)", ip: "127.0.0.1" });
  let sessionCheckMicros: number;
  try {
    sessionCheckMicros = await loop(() => Session.authenticate(probe.cookieValue));
  } finally {
    await Session.logout(probe.cookieValue);
  }
  const costs = {
    unsealMicros: await timeEach(() => unsealData(sealed, { password: env().SESSION_SECRET })),
    eddsaVerifyMicros: await timeEach(() => jwtVerify(jwt, key, { algorithms: ["EdDSA"] })),
    sessionCheckMicros,
    jwtCheckMicros: await loop(() => verifyAccessToken(jwt, JWT_AUDIENCE)),
  };
  return {
    sizes: {
      sessionId: bytes(token),
      sessionCookie: bytes(`${sessionCookie().name}=${sealed}`),
      jwtHeader: bytes(`Bearer ${jwt}`),
      hybridHeader: bytes(`Bearer ${hybrid}`),
      refreshCookie: bytes(`${refreshCookie().name}=${token}`),
    },
    ttl: { jwt: env().JWT_TTL_SECONDS, hybridAccess: env().HYBRID_ACCESS_TTL_SECONDS, sessionIdle: env().SESSION_IDLE_TTL_SECONDS },
    store: await storeView(),
    costs,
  };
}
