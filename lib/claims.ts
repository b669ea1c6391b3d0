import "server-only";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { JWT_AUDIENCE } from "./auth/access-token";
import { sessionCookie } from "./auth/cookies";
import * as Hybrid from "./auth/hybrid";
import * as Jwt from "./auth/jwt";
import { publicJwks } from "./auth/keys";
import { openSeal } from "./auth/seal";
import * as Session from "./auth/session";
import { revokeDevice } from "./auth/session-devices";
import { CLAIMS, type ClaimId, type ClaimResult, type Evidence, type Verdict } from "./claims-list";
import { measurements } from "./compare";
import { db } from "./db";
import { wholeMinutes } from "./i18n/duration";
import { env } from "./env";
import { timingValues } from "./timing";
import { type Recommendation, recommend } from "./guide";
import { cluster, runTrial, TrialError } from "./scale";
import { traced } from "./trace";

export { CLAIMS, type ClaimId, type ClaimResult };

/**
 * The live checks behind /claims: each claim of the post, checked on this instance by doing what it
 * talks about — a real login, a real store row, a real token — and reporting what came out, with
 * numbers. Everything is done as a probe user of its own (never a visitor's account), and every
 * credential made is logged out before the answer. Checks run one at a time per process.
 *
 * Evidence is a message of the `claims` namespace (messages/*.json) with the values measured, never
 * a finished sentence: the page renders it in each visitor's language.
 */
const PROBE = { id: "user_claims_probe", username: "claims-probe", displayName: "Claims probe" };
const META = { userAgent: "Login Lab /claims (checking, logged out at once)", ip: "127.0.0.1" };
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What a check found: its verdict and the evidence for it. */
type Found = { verdict: Verdict; evidence: Evidence[] };
type Check = () => Promise<Found>;

async function probe() {
  // Its password hash is not a hash: no password ever logs in as it.
  await db().user.upsert({ where: { id: PROBE.id }, create: { ...PROBE, passwordHash: "!" }, update: {} });
}

/** What one authentication cost: store queries, rows from memory. */
async function cost<T>(check: () => T | Promise<T>) {
  const { result, trace } = await traced(async () => check());
  return { result, queries: trace.queries, cached: trace.cached };
}

/** How a credential fared, as the messages' `{outcome, select, accepted {…} other {refused ({refusal})}}`. */
const outcome = (r: { ok: true } | { ok: false; code: string }) => (r.ok ? { outcome: "accepted", refusal: "" } : { outcome: "refused", refusal: r.code });

/** The guide's first two reasons for its pick, each after the claim it rests on. */
const guideReasons = (r: Recommendation): Evidence[] => r.reasons.slice(0, 2).map((x) => ({ key: "guideReason", values: { claim: x.claim, reason: { guide: x.text } } }));

const needsCluster = (key: Evidence["key"]): Found => ({ verdict: "needs_cluster", evidence: [{ key }] });

const CHECKS: Record<ClaimId, Check> = {
  async S1(): Promise<Found> {
    const before = await db().session.count({ where: { userId: PROBE.id } });
    const login = await Session.login(PROBE, META);
    try {
      const after = await db().session.count({ where: { userId: PROBE.id } });
      const opened = await openSeal(login.cookieValue);
      const plain = [PROBE.id, PROBE.username, PROBE.displayName].filter((s) => login.cookieValue.includes(s));
      return {
        verdict: after === before + 1 && plain.length === 0 && opened.ok ? "holds" : "does_not_hold",
        evidence: [
          { key: "S1.row", values: { rows: after - before, hash: login.session.id.slice(0, 12) } },
          {
            key: plain.length ? "S1.cookieLeaks" : "S1.cookieOpaque",
            values: { bytes: bytes(`${sessionCookie().name}=${login.cookieValue}`), name: sessionCookie().name, fields: plain.join(", ") },
          },
        ],
      };
    } finally {
      await Session.logout(login.cookieValue);
    }
  },
  async S2(): Promise<Found> {
    const login = await Session.login(PROBE, META);
    try {
      const first = await cost(() => Session.authenticate(login.cookieValue, { touch: false }));
      const second = await cost(() => Session.authenticate(login.cookieValue, { touch: false }));
      const ok = first.result.ok && second.result.ok;
      return {
        verdict: ok ? "caveat" : "does_not_hold",
        evidence: [
          { key: "S2.requests", values: { firstQueries: first.queries, firstCached: first.cached, secondQueries: second.queries, secondCached: second.cached } },
          { key: "S2.memory" },
        ],
      };
    } finally {
      await Session.logout(login.cookieValue);
    }
  },
  async S3(): Promise<Found> {
    const before = await db().session.count({ where: { userId: PROBE.id } });
    const logins = await Promise.all([1, 2, 3].map(() => Session.login(PROBE, META)));
    try {
      const after = await db().session.count({ where: { userId: PROBE.id } });
      const jwtRows = await db().deniedToken.count();
      return {
        verdict: after - before === 3 ? "holds" : "does_not_hold",
        evidence: [
          { key: "S3.rows", values: { rows: after - before } },
          { key: "S3.jwt", values: { rows: jwtRows } },
        ],
      };
    } finally {
      for (const l of logins) await Session.logout(l.cookieValue);
    }
  },
  async S4(): Promise<Found> {
    const login = await Session.login(PROBE, META);
    await Session.authenticate(login.cookieValue, { touch: false });
    const start = performance.now();
    await Session.logout(login.cookieValue);
    const after = await Session.authenticate(login.cookieValue, { touch: false });
    const ms = performance.now() - start;
    return {
      verdict: after.ok ? "does_not_hold" : "holds",
      evidence: [{ key: "S4.next", values: { ...outcome(after), ms } }],
    };
  },
  async S5(): Promise<Found> {
    const login = await Session.login(PROBE, META);
    try {
      const opened = await openSeal(login.cookieValue);
      const jwt = await Jwt.login(PROBE, META);
      const payload = decodeJwt(jwt.accessToken);
      return {
        verdict: opened.ok ? "holds" : "does_not_hold",
        evidence: [
          { key: "S5.unseal", values: { chars: opened.ok ? opened.token.length : 0 } },
          { key: "S5.contrast", values: { claims: Object.keys(payload).join(", ") } },
        ],
      };
    } finally {
      await Session.logout(login.cookieValue);
    }
  },
  async S6(): Promise<Found> {
    const [a, b] = [await Session.login(PROBE, META), await Session.login(PROBE, META)];
    try {
      const revoked = await revokeDevice(PROBE.id, b.session.id);
      const [ra, rb] = [await Session.authenticate(a.cookieValue, { touch: false }), await Session.authenticate(b.cookieValue, { touch: false })];
      return {
        verdict: revoked && ra.ok && !rb.ok ? "holds" : "does_not_hold",
        evidence: [
          // The second's refusal, session_revoked, is the revoke just done: the message names it.
          { key: "S6.revoke", values: { first: outcome(ra).outcome, second: outcome(rb).outcome, ...(rb.ok ? { refusal: "" } : { refusal: rb.code, reason: { error: rb.code } }) } },
          { key: "S6.cap", values: { max: env().SESSION_MAX_PER_USER } },
        ],
      };
    } finally {
      await Session.logout(a.cookieValue);
      await Session.logout(b.cookieValue);
    }
  },
  async S7(): Promise<Found> {
    if (!cluster()) return needsCluster("S7.alone");
    const shared = await runTrial("session");
    const memory = await runTrial("session-memory");
    const onB = (r: typeof shared) => r.steps[2];
    return {
      verdict: "holds",
      evidence: [
        { key: "S7.memory", values: { at: onB(memory).at, status: onB(memory).status, refusal: onB(memory).code ?? "" } },
        // The shared-store trial always measures the propagation; NaN would say it did not.
        { key: "S7.shared", values: { at: onB(shared).at, status: onB(shared).status, ms: shared.propagation?.ms ?? Number.NaN } },
      ],
    };
  },
  async S8(): Promise<Found> {
    const c = sessionCookie();
    return {
      verdict: "caveat",
      evidence: [
        { key: "S8.attributes", values: { attributes: `SameSite=${c.options.sameSite}, HttpOnly, ${c.options.secure ? "Secure, " : ""}Path=${c.options.path}` } },
        { key: "S8.ports" },
      ],
    };
  },
  async T1(): Promise<Found> {
    const { accessToken } = await Jwt.login(PROBE, META);
    const [h, p, s] = accessToken.split(".");
    const tampered = `${h}.${p.slice(0, -2)}${p.at(-2) === "A" ? "B" : "A"}${p.at(-1)}.${s}`;
    const refused = await Jwt.authenticate(bearer(tampered));
    return {
      verdict: refused.ok ? "does_not_hold" : "holds",
      evidence: [
        {
          key: "T1.parts",
          values: { header: JSON.stringify(decodeProtectedHeader(accessToken)), claims: Object.keys(decodeJwt(accessToken)).join(", "), bytes: Buffer.from(s, "base64url").length },
        },
        { key: "T1.tampered", values: outcome(refused) },
      ],
    };
  },
  async T2(): Promise<Found> {
    // The probe's own rows only: visitors' logins meanwhile must not move the count.
    const mine = { where: { userId: PROBE.id } };
    const tables = async () => (await db().session.count(mine)) + (await db().refreshToken.count(mine)) + (await db().deniedToken.count(mine));
    const before = await tables();
    const { accessToken } = await Jwt.login(PROBE, META);
    const after = await tables();
    return {
      verdict: after === before ? "holds" : "caveat",
      evidence: [{ key: "T2.store", values: { rows: after - before, before, after, bytes: bytes(accessToken) } }],
    };
  },
  async T3(): Promise<Found> {
    const { accessToken } = await Jwt.login(PROBE, META);
    const c = await cost(() => Jwt.authenticate(bearer(accessToken)));
    return {
      verdict: c.result.ok && c.queries === 0 ? "holds" : "does_not_hold",
      evidence: [{ key: "T3.bearer", values: { queries: c.queries, cached: c.cached, user: c.result.ok ? c.result.user.username : "—" } }],
    };
  },
  async T4(): Promise<Found> {
    if (cluster()) {
      const r = await runTrial("jwt");
      const b = r.steps[1];
      return { verdict: b.status === 200 ? "holds" : "does_not_hold", evidence: [{ key: "T4.cluster", values: { signer: r.steps[0].at, verifier: b.at, status: b.status } }] };
    }
    return checkWithPublishedKeys("T4");
  },
  async T5(): Promise<Found> {
    const m = await measurements();
    return {
      verdict: "caveat",
      evidence: [
        // The compare page's own snapshot (lib/compare.ts): the same figures, timed the same way, on both pages.
        {
          key: "T5.crypto",
          values: { runs: m.costs.unseal.runs, ...timingValues("unseal", m.costs.unseal), ...timingValues("verify", m.costs.eddsaVerify), ...timingValues("read", m.costs.sessionRead) },
        },
        { key: "T5.remembered", values: { ...timingValues("session", m.costs.sessionCheck), ...timingValues("jwt", m.costs.jwtCheck) } },
      ],
    };
  },
  async T6(): Promise<Found> {
    const login = await Jwt.login(PROBE, META);
    return {
      verdict: "holds",
      evidence: [{ key: "T6.body", values: { bytes: bytes(login.accessToken), expiresIn: login.expiresIn, expiresInMinutes: wholeMinutes(login.expiresIn) } }, { key: "T6.native" }],
    };
  },
  async T7(): Promise<Found> {
    if (cluster()?.resource) {
      const r = await runTrial("jwt");
      const res = r.steps.find((s) => s.at === "resource");
      return {
        verdict: res?.status === 200 ? "holds" : "does_not_hold",
        evidence: [{ key: "T7.resource", values: { status: res?.status ?? "—" } }, { key: "T7.afterLogout" }],
      };
    }
    return checkWithPublishedKeys("T7");
  },
  async T8(): Promise<Found> {
    const plain = await Jwt.login(PROBE, META);
    await Jwt.logout(bearer(plain.accessToken));
    const stillOk = await Jwt.authenticate(bearer(plain.accessToken));
    const revocable = await Jwt.login(PROBE, META, { revocable: true });
    await Jwt.logout(bearer(revocable.accessToken));
    const refused = await Jwt.authenticate(bearer(revocable.accessToken));
    // The probe's deny-list entry has served its purpose: checks must not pile rows up.
    await db().deniedToken.deleteMany({ where: { userId: PROBE.id } });
    return {
      verdict: stillOk.ok ? "caveat" : "does_not_hold",
      evidence: [
        { key: "T8.plain", values: { ...outcome(stillOk), expiresIn: plain.expiresIn, expiresInMinutes: wholeMinutes(plain.expiresIn) } },
        { key: "T8.revocable", values: outcome(refused) },
      ],
    };
  },
  async T9(): Promise<Found> {
    const m = await measurements();
    const { sizes } = m;
    const smaller = sizes.sessionCookie < sizes.jwtHeader;
    return {
      verdict: smaller ? "caveat" : "does_not_hold",
      evidence: [
        { key: "T9.sizes", values: { id: sizes.sessionId, cookie: sizes.sessionCookie, name: m.cookieNames.session, header: sizes.jwtHeader, token: sizes.jwtToken } },
        { key: smaller ? "T9.smaller" : "T9.notSmaller" },
      ],
    };
  },
  async T10(): Promise<Found> {
    const login = await Jwt.login(PROBE, META);
    const c = sessionCookie();
    return {
      verdict: "holds",
      evidence: [
        { key: "T10.body", values: { bytes: bytes(login.accessToken) } },
        { key: "T10.cookies", values: { httpOnly: String(c.options.httpOnly) } },
      ],
    };
  },
  async T11(): Promise<Found> {
    const { accessToken } = await Jwt.login(PROBE, META);
    const payload = decodeJwt(accessToken);
    return {
      verdict: "does_not_hold",
      evidence: [{ key: "T11.decoded", values: { sub: String(payload.sub), username: String(payload.preferred_username), exp: String(payload.exp) } }],
    };
  },
  async G1(): Promise<Found> {
    const r = recommend({ app: "ssr", clients: "browser", services: "one", revocation: "instant", servers: "one" });
    return { verdict: r.mode === "session" ? "holds" : "caveat", evidence: [{ key: "G1.guide", values: { mode: r.mode } }, ...guideReasons(r)] };
  },
  async G2(): Promise<Found> {
    const r = recommend({ app: "spa", clients: "mobile", services: "many", revocation: "minutes", servers: "many" });
    return { verdict: r.mode === "session" ? "does_not_hold" : "caveat", evidence: [{ key: "G2.guide", values: { mode: r.mode } }, ...guideReasons(r)] };
  },
  async G3(): Promise<Found> {
    const login = await Hybrid.login(PROBE, META);
    const rotated = await Hybrid.refresh(login.refreshToken, META);
    await new Promise((r) => setTimeout(r, 0));
    const replay = await Hybrid.refresh(login.refreshToken, META, { now: new Date(Date.now() + (env().REFRESH_GRACE_SECONDS + 1) * 1000) });
    const after = rotated.ok ? await Hybrid.refresh(rotated.refreshToken, META, { now: new Date(Date.now() + (env().REFRESH_GRACE_SECONDS + 2) * 1000) }) : null;
    if (rotated.ok) await Hybrid.logout(rotated.refreshToken);
    // The probe's revoked family is not kept for a week like a visitor's: checks must not pile rows up.
    await db().refreshToken.deleteMany({ where: { userId: PROBE.id } });
    return {
      verdict: rotated.ok && !replay.ok && after !== null && !after.ok ? "holds" : "does_not_hold",
      evidence: [
        { key: "G3.rotated", values: { minutes: env().HYBRID_ACCESS_TTL_SECONDS / 60, rotated: rotated.ok ? "yes" : "no" } },
        {
          key: "G3.replayed",
          values: { replay: outcome(replay).outcome, replayCode: outcome(replay).refusal, newest: after?.ok ? "accepted" : "refused", newestCode: after && !after.ok ? after.code : "—" },
        },
      ],
    };
  },
};

/** T4/T7 without a cluster: the token checked with nothing but the published JWKS, as another service would. */
async function checkWithPublishedKeys(id: "T4" | "T7"): Promise<Found> {
  const { accessToken } = await Jwt.login(PROBE, META);
  const keys = createLocalJWKSet(await publicJwks());
  let ok = true;
  try {
    await jwtVerify(accessToken, keys, { algorithms: ["EdDSA"], audience: JWT_AUDIENCE, issuer: env().JWT_ISSUER });
  } catch {
    ok = false;
  }
  return {
    verdict: ok ? "caveat" : "does_not_hold",
    evidence: [
      { key: "publishedKeys.verified", values: { ok: ok ? "yes" : "no" } },
      { key: "publishedKeys.cluster", values: { id } },
    ],
  };
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
/** More checks than this waiting on one process: refused (each holds a probe login for a moment). */
const MAX_WAITING = 8;

export class ClaimsBusy extends Error {}

/** Runs one claim's check, one at a time per process. */
export async function checkClaim(id: ClaimId): Promise<ClaimResult> {
  if (waiting >= MAX_WAITING) throw new ClaimsBusy("Too many checks are waiting on this instance: try again in a moment.");
  waiting += 1;
  const run = queue.then(async () => {
    await probe();
    try {
      const { verdict, evidence } = await CHECKS[id]();
      const result: ClaimResult = { id, verdict, evidence, checkedAt: new Date().toISOString() };
      latest().set(id, result);
      return result;
    } catch (error) {
      if (error instanceof TrialError) {
        // The code picks the message; the error's own text is the detail of an unreachable cluster.
        const evidence: Evidence[] = [{ key: "trialError", values: { trial: error.code, message: String(error.text.values.detail ?? error.text.key) } }];
        return { id, verdict: "needs_cluster" as Verdict, evidence, checkedAt: new Date().toISOString() };
      }
      throw error;
    }
  });
  queue = run.catch(() => {});
  try {
    return await run;
  } finally {
    waiting -= 1;
  }
}

/**
 * The latest result of each claim on this instance, shown to every visitor of /claims until the
 * next check (they concern the probe user only). On globalThis: the page and the check route are
 * separate bundles.
 */
function latest(): Map<ClaimId, ClaimResult> {
  const slot = globalThis as unknown as Record<symbol, Map<ClaimId, ClaimResult> | undefined>;
  return (slot[Symbol.for("login-lab.claims.latest")] ??= new Map());
}

export function latestResults(): ClaimResult[] {
  return [...latest().values()];
}
