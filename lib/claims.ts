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
import { CLAIMS, type ClaimId, type ClaimResult, type Verdict } from "./claims-list";
import { measurements } from "./compare";
import { db } from "./db";
import { env } from "./env";
import { recommend } from "./guide";
import { cluster, runTrial, TrialError } from "./scale";
import { traced } from "./trace";

export { CLAIMS, type ClaimId, type ClaimResult };

/**
 * The live checks behind /claims: each claim of the post, checked on this instance by doing what it
 * talks about — a real login, a real store row, a real token — and reporting what came out, with
 * numbers. Everything is done as a probe user of its own (never a visitor's account), and every
 * credential made is logged out before the answer. Checks run one at a time per process.
 */
const PROBE = { id: "user_claims_probe", username: "claims-probe", displayName: "Claims probe" };
const META = { userAgent: "Login Lab /claims (checking, logged out at once)", ip: "127.0.0.1" };
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type Check = () => Promise<{ verdict: Verdict; evidence: string[] }>;

async function probe() {
  // Its password hash is not a hash: no password ever logs in as it.
  await db().user.upsert({ where: { id: PROBE.id }, create: { ...PROBE, passwordHash: "!" }, update: {} });
}

/** What one authentication cost: store queries, rows from memory. */
async function cost<T>(check: () => T | Promise<T>) {
  const { result, trace } = await traced(async () => check());
  return { result, queries: trace.queries, cached: trace.cached };
}

const lookups = (c: { queries: number; cached: number }) =>
  `${c.queries} store ${c.queries === 1 ? "query" : "queries"}${c.cached ? `, ${c.cached} row from this instance's memory` : ""}`;

const needsCluster = (what: string): { verdict: Verdict; evidence: string[] } => ({
  verdict: "needs_cluster",
  evidence: [`${what} needs a second process. Start the cluster with \`npm run cluster\` and open this page on http://localhost:3001/claims.`],
});

const CHECKS: Record<ClaimId, Check> = {
  async S1() {
    const before = await db().session.count({ where: { userId: PROBE.id } });
    const login = await Session.login(PROBE, META);
    try {
      const after = await db().session.count({ where: { userId: PROBE.id } });
      const opened = await openSeal(login.cookieValue);
      const plain = [PROBE.id, PROBE.username, PROBE.displayName].filter((s) => login.cookieValue.includes(s));
      return {
        verdict: after === before + 1 && plain.length === 0 && opened.ok ? "holds" : "does_not_hold",
        evidence: [
          `The login wrote ${after - before} session row (the store holds sha256 of the token: ${login.session.id.slice(0, 12)}…).`,
          `The browser gets ${bytes(`${sessionCookie().name}=${login.cookieValue}`)} B of sealed cookie; it contains ${plain.length ? `the user's data (${plain.join(", ")})` : "no user data — only a random token, encrypted"}.`,
        ],
      };
    } finally {
      await Session.logout(login.cookieValue);
    }
  },
  async S2() {
    const login = await Session.login(PROBE, META);
    try {
      const first = await cost(() => Session.authenticate(login.cookieValue, { touch: false }));
      const second = await cost(() => Session.authenticate(login.cookieValue, { touch: false }));
      const ok = first.result.ok && second.result.ok;
      return {
        verdict: ok ? "caveat" : "does_not_hold",
        evidence: [
          `First request with the cookie: ${lookups(first)}. Second: ${lookups(second)}.`,
          "The server does find the session by its id on every request — but an instance can keep the row in memory and still refuse a logout at once, because the store announces every change (see /scale).",
        ],
      };
    } finally {
      await Session.logout(login.cookieValue);
    }
  },
  async S3() {
    const before = await db().session.count({ where: { userId: PROBE.id } });
    const logins = await Promise.all([1, 2, 3].map(() => Session.login(PROBE, META)));
    try {
      const after = await db().session.count({ where: { userId: PROBE.id } });
      const jwtRows = await db().deniedToken.count();
      return {
        verdict: after - before === 3 ? "holds" : "does_not_hold",
        evidence: [`3 logins added ${after - before} session rows: the state grows with every logged-in device.`, `JWT logins add none (the deny-list, used only by revocable tokens, holds ${jwtRows} rows now).`],
      };
    } finally {
      for (const l of logins) await Session.logout(l.cookieValue);
    }
  },
  async S4() {
    const login = await Session.login(PROBE, META);
    await Session.authenticate(login.cookieValue, { touch: false });
    const start = performance.now();
    await Session.logout(login.cookieValue);
    const after = await Session.authenticate(login.cookieValue, { touch: false });
    const ms = performance.now() - start;
    return {
      verdict: after.ok ? "does_not_hold" : "holds",
      evidence: [`After the logout, the very next request with the same cookie was ${after.ok ? "ACCEPTED" : `refused (${after.code})`}, ${ms.toFixed(1)} ms later.`],
    };
  },
  async S5() {
    const login = await Session.login(PROBE, META);
    try {
      const opened = await openSeal(login.cookieValue);
      const jwt = await Jwt.login(PROBE, META);
      const payload = decodeJwt(jwt.accessToken);
      return {
        verdict: opened.ok ? "holds" : "does_not_hold",
        evidence: [
          `The session cookie unseals (server-side, with SESSION_SECRET) to one random token of ${opened.ok ? opened.token.length : 0} characters; everything else stays in the store.`,
          `For contrast, anyone holding the JWT reads its payload without a key: ${Object.keys(payload).join(", ")}.`,
        ],
      };
    } finally {
      await Session.logout(login.cookieValue);
    }
  },
  async S6() {
    const [a, b] = [await Session.login(PROBE, META), await Session.login(PROBE, META)];
    try {
      const revoked = await revokeDevice(PROBE.id, b.session.id);
      const [ra, rb] = [await Session.authenticate(a.cookieValue, { touch: false }), await Session.authenticate(b.cookieValue, { touch: false })];
      return {
        verdict: revoked && ra.ok && !rb.ok ? "holds" : "does_not_hold",
        evidence: [
          `Two sessions of one user; revoking the second from the first: the first is ${ra.ok ? "still accepted" : "refused"}, the second ${rb.ok ? "still ACCEPTED" : `refused (${rb.code}: ${rb.message})`}.`,
          `Concurrent logins are capped at SESSION_MAX_PER_USER = ${env().SESSION_MAX_PER_USER}: a login past it evicts the oldest session, which is told why (Devices, on the Session panel).`,
        ],
      };
    } finally {
      await Session.logout(a.cookieValue);
      await Session.logout(b.cookieValue);
    }
  },
  async S7() {
    if (!cluster()) return needsCluster("Two instances sharing (or not sharing) a session store");
    const shared = await runTrial("session");
    const memory = await runTrial("session-memory");
    const onB = (r: typeof shared) => r.steps[2];
    return {
      verdict: "holds",
      evidence: [
        `Sessions in one instance's memory: ${onB(memory).at} answered ${onB(memory).status} ${onB(memory).code ?? ""} — the session exists only on the instance that made it.`,
        `With the shared PostgreSQL store: ${onB(shared).at} answered ${onB(shared).status}, and refused the session ${shared.propagation?.ms} ms after its logout on the other instance. A shared store (or sticky sessions) is the price — which is what "harder" means.`,
      ],
    };
  },
  async S8() {
    const c = sessionCookie();
    return {
      verdict: "caveat",
      evidence: [
        `The session cookie is SameSite=${c.options.sameSite}, HttpOnly, ${c.options.secure ? "Secure, " : ""}Path=${c.options.path}: a cross-site POST or fetch does not carry it, a top-level link from another site does (Lax).`,
        "Cookies also travel between ports and, without SameSite, across sites: the cross-site lab shows what arrives (/lab/attacker).",
      ],
    };
  },
  async T1() {
    const { accessToken } = await Jwt.login(PROBE, META);
    const [h, p, s] = accessToken.split(".");
    const tampered = `${h}.${p.slice(0, -2)}${p.at(-2) === "A" ? "B" : "A"}${p.at(-1)}.${s}`;
    const refused = await Jwt.authenticate(bearer(tampered));
    return {
      verdict: refused.ok ? "does_not_hold" : "holds",
      evidence: [
        `Header ${JSON.stringify(decodeProtectedHeader(accessToken))}; payload claims ${Object.keys(decodeJwt(accessToken)).join(", ")}; signature ${Buffer.from(s, "base64url").length} bytes (EdDSA).`,
        `One character of the payload changed: ${refused.ok ? "ACCEPTED" : `refused (${refused.code})`}.`,
      ],
    };
  },
  async T2() {
    // The probe's own rows only: visitors' logins meanwhile must not move the count.
    const mine = { where: { userId: PROBE.id } };
    const tables = async () => (await db().session.count(mine)) + (await db().refreshToken.count(mine)) + (await db().deniedToken.count(mine));
    const before = await tables();
    const { accessToken } = await Jwt.login(PROBE, META);
    const after = await tables();
    return {
      verdict: after === before ? "holds" : "caveat",
      evidence: [`A JWT login changed the store by ${after - before} rows (the probe's sessions + refresh tokens + deny-list entries: ${before} → ${after}); the server signed ${bytes(accessToken)} B and kept nothing.`],
    };
  },
  async T3() {
    const { accessToken } = await Jwt.login(PROBE, META);
    const c = await cost(() => Jwt.authenticate(bearer(accessToken)));
    return {
      verdict: c.result.ok && c.queries === 0 ? "holds" : "does_not_hold",
      evidence: [`Authorization: Bearer … checked with ${lookups(c)}: the user (${c.result.ok ? c.result.user.username : "—"}) comes from the token alone.`],
    };
  },
  async T4() {
    if (cluster()) {
      const r = await runTrial("jwt");
      const b = r.steps[1];
      return { verdict: b.status === 200 ? "holds" : "does_not_hold", evidence: [`A token signed by ${r.steps[0].at} was accepted by ${b.at} (${b.status}) with no store: the instances share only the keys.`] };
    }
    return checkWithPublishedKeys("T4");
  },
  async T5() {
    const m = await measurements();
    return {
      verdict: "caveat",
      evidence: [
        `Measured here: unsealing a session cookie costs ${m.costs.unsealMicros.toFixed(0)} µs, verifying an EdDSA signature ${m.costs.eddsaVerifyMicros.toFixed(0)} µs, and a session row read from the store ${m.costs.sessionReadMicros.toFixed(1)} µs.`,
        `With results remembered per credential, a session check costs ${m.costs.sessionCheckMicros.toFixed(1)} µs and a JWT check ${m.costs.jwtCheckMicros.toFixed(1)} µs: "less load" is about the store query, not the crypto — and a row cache kept fresh by the store's announcements removes most of that too (/compare, /scale).`,
      ],
    };
  },
  async T6() {
    const login = await Jwt.login(PROBE, META);
    return {
      verdict: "holds",
      evidence: [
        `POST /api/jwt/login answers the token in its JSON body (${bytes(login.accessToken)} B, expires_in ${login.expiresIn} s); any HTTP client sends it back as a header — no cookie jar needed (docs/api.md has the curl lines).`,
        "Cookies work in native apps too; what the token spares them is a cookie jar and SameSite rules.",
      ],
    };
  },
  async T7() {
    if (cluster()?.resource) {
      const r = await runTrial("jwt");
      const res = r.steps.find((s) => s.at === "resource");
      return { verdict: res?.status === 200 ? "holds" : "does_not_hold", evidence: [`The resource service — no database, no secret — accepted the token (${res?.status}) using only the published JWKS.`, "It also kept accepting it after the logout: it cannot know (T8)."] };
    }
    return checkWithPublishedKeys("T7");
  },
  async T8() {
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
        `A plain token after its logout: ${stillOk.ok ? `still ACCEPTED, until exp in ${plain.expiresIn} s` : `refused (${stillOk.code})`}.`,
        `A revocable token (deny-list) after its logout: ${refused.ok ? "ACCEPTED" : `refused (${refused.code})`} — revocation is possible, by bringing state back; a verifier without the store still accepts it.`,
      ],
    };
  },
  async T9() {
    const { sizes } = await measurements();
    const smaller = sizes.sessionCookie < sizes.jwtHeader;
    return {
      verdict: smaller ? "caveat" : "does_not_hold",
      evidence: [
        `A bare session id is ${sizes.sessionId} B, but what a sealed session cookie sends is ${sizes.sessionCookie} B; the JWT's Authorization header is ${sizes.jwtHeader} B.`,
        smaller ? "The token is larger, as the post says — by less than a bare id suggests." : "Our numbers disagree: the sealed cookie is not smaller than our compact EdDSA JWT.",
      ],
    };
  },
  async T10() {
    const login = await Jwt.login(PROBE, META);
    const c = sessionCookie();
    return {
      verdict: "holds",
      evidence: [
        `The JWT comes back in a JSON body that page script reads (${bytes(login.accessToken)} B) — where script can read it, so can an injected one (XSS lab, /lab/xss).`,
        `The session and refresh cookies are HttpOnly=${c.options.httpOnly}: script cannot read them, though an injected script can still use them while the page is open.`,
      ],
    };
  },
  async T11() {
    const { accessToken } = await Jwt.login(PROBE, META);
    const payload = decodeJwt(accessToken);
    return {
      verdict: "does_not_hold",
      evidence: [`Decoded with no key at all: sub=${payload.sub}, preferred_username=${String(payload.preferred_username)}, exp=${payload.exp}. A JWS is signed, not encrypted.`],
    };
  },
  async G1() {
    const r = recommend({ app: "ssr", clients: "browser", services: "one", revocation: "instant", servers: "one" });
    return { verdict: r.mode === "session" ? "holds" : "caveat", evidence: [`The selection guide, given the post's profile (server-rendered, browsers only, one service, instant logout, one server), recommends ${r.mode}.`, ...r.reasons.slice(0, 2).map((x) => `${x.claim}: ${x.text}`)] };
  },
  async G2() {
    const r = recommend({ app: "spa", clients: "mobile", services: "many", revocation: "minutes", servers: "many" });
    return { verdict: r.mode === "session" ? "does_not_hold" : "caveat", evidence: [`For an SPA with mobile clients and several services, the guide recommends ${r.mode}: tokens, but short-lived with a refresh cookie once a browser is involved.`, ...r.reasons.slice(0, 2).map((x) => `${x.claim}: ${x.text}`)] };
  },
  async G3() {
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
        `A ${env().HYBRID_ACCESS_TTL_SECONDS / 60}-minute access token; the refresh rotated (${rotated.ok ? "new token" : "refused"}).`,
        `The old refresh token replayed after the grace window: ${replay.ok ? "ACCEPTED" : `refused (${replay.code})`}; the rightful newest one then: ${after?.ok ? "accepted" : `refused (${after?.code}) — the whole family is revoked`}.`,
      ],
    };
  },
};

/** T4/T7 without a cluster: the token checked with nothing but the published JWKS, as another service would. */
async function checkWithPublishedKeys(id: "T4" | "T7") {
  const { accessToken } = await Jwt.login(PROBE, META);
  const keys = createLocalJWKSet(await publicJwks());
  let ok = true;
  try {
    await jwtVerify(accessToken, keys, { algorithms: ["EdDSA"], audience: JWT_AUDIENCE, issuer: env().JWT_ISSUER });
  } catch {
    ok = false;
  }
  return {
    verdict: (ok ? "caveat" : "does_not_hold") as Verdict,
    evidence: [
      `Verified with the public JWKS only (/.well-known/jwks.json), no store and no secret: ${ok ? "accepted" : "REFUSED"}.`,
      `${id === "T4" ? "Across two real instances" : "With a separate resource service"}: start \`npm run cluster\` and check again from http://localhost:3001/claims.`,
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
      if (error instanceof TrialError) return { id, verdict: "needs_cluster" as Verdict, evidence: [error.message], checkedAt: new Date().toISOString() };
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
