import "server-only";
import { env } from "./env";

/**
 * The scale-out lab's trials (/scale): real HTTP requests between real processes — this instance,
 * its sibling and the resource service started by `npm run cluster` — as a client would send them
 * (curl-style: cookies and Authorization set by hand). Each trial logs in with fresh credentials of
 * the first demo user, so it shows nobody else's data, and logs out what it created. One trial at a
 * time per instance; each costs one password check and about ten requests.
 */

export type Actor = { name: string; url: string; kind: "instance" | "resource" };
export type Cluster = { self: Actor; other: Actor; resource: Actor | null; all: Actor[] };

/** The cluster this instance belongs to, or null when it runs alone (no CLUSTER_URLS). */
export function cluster(): Cluster | null {
  const { CLUSTER_URLS: urls, CLUSTER_INSTANCE: name, RESOURCE_URL: resourceUrl } = env();
  const self = urls.find((u) => u.name === name);
  const other = urls.find((u) => u.name !== name);
  if (!self || !other) return null;
  const resource: Actor | null = resourceUrl ? { name: "resource", url: resourceUrl.replace(/\/+$/, ""), kind: "resource" } : null;
  const instances = urls.map((u) => ({ ...u, kind: "instance" as const }));
  return { self: { ...self, kind: "instance" }, other: { ...other, kind: "instance" }, resource, all: resource ? [...instances, resource] : instances };
}

export const TRIALS = ["session", "session-memory", "jwt", "jwt-revocable", "hybrid"] as const;
export type TrialName = (typeof TRIALS)[number];

export type Step = {
  /** Which process answered. */
  at: string;
  request: string;
  status: number;
  code: string | null;
  ms: number;
  /** What the step shows, in one sentence. */
  says: string;
  /** What the claim predicts: accepted (2xx) or refused. */
  expected: "accepted" | "refused";
  asExpected: boolean;
};

export type TrialResult = {
  trial: TrialName;
  steps: Step[];
  /** Time from the logout's answer on this instance to the sibling's first refusal. */
  propagation: { ms: number; attempts: number } | null;
  summary: string;
};

type Answer = { status: number; body: Record<string, unknown>; setCookies: string[]; ms: number };

async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const start = performance.now();
  const res = await fetch(url, {
    method: init.method ?? "GET",
    headers: { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    redirect: "manual",
    signal: AbortSignal.timeout(5_000),
    cache: "no-store",
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  return { status: res.status, body, setCookies: res.headers.getSetCookie(), ms: performance.now() - start };
}

/** `name=value` of the cookie whose name ends with `suffix` (the __Host-/__Secure- prefixes vary with COOKIE_SECURE). */
function cookieFrom(answer: Answer, suffix: string): string | null {
  for (const c of answer.setCookies) {
    const pair = c.split(";")[0];
    const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
    if (name.endsWith(suffix) && value) return `${name}=${value}`;
  }
  return null;
}

const codeOf = (a: Answer) => (typeof a.body.code === "string" ? a.body.code : typeof a.body.error === "string" ? a.body.error : null);

class Recorder {
  readonly steps: Step[] = [];
  record(at: Actor, request: string, answer: Answer, expected: Step["expected"], says: string): Answer {
    const accepted = answer.status >= 200 && answer.status < 300;
    this.steps.push({ at: at.name, request, status: answer.status, code: accepted ? null : codeOf(answer), ms: Math.round(answer.ms * 10) / 10, says, expected, asExpected: accepted === (expected === "accepted") });
    return answer;
  }
}

/**
 * Asks `ask` again and again (no pause) until it is refused or `limitMs` passes: how long the
 * sibling went on accepting after this instance's logout had answered.
 */
async function untilRefused(ask: () => Promise<Answer>, limitMs = 2_000): Promise<{ last: Answer; ms: number; attempts: number }> {
  const start = performance.now();
  let attempts = 0;
  for (;;) {
    const last = await ask();
    attempts += 1;
    const ms = performance.now() - start;
    if (last.status >= 400 || ms > limitMs) return { last: { ...last, ms }, ms, attempts };
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export class TrialError extends Error {
  constructor(
    readonly code: "not_in_a_cluster" | "no_demo_user" | "trial_running" | "cluster_unreachable",
    message: string,
  ) {
    super(message);
  }
}

const RUNNING = Symbol.for("login-lab.scale-trial-running");
const slot = globalThis as unknown as Record<symbol, boolean | undefined>;

/** Runs one trial; throws a TrialError when it cannot (no cluster, public mode, one already running). */
export async function runTrial(trial: TrialName): Promise<TrialResult> {
  const c = cluster();
  if (!c) throw new TrialError("not_in_a_cluster", "This instance runs alone: start the cluster with `npm run cluster`.");
  const password = env().DEMO_PASSWORD;
  if (!password) throw new TrialError("no_demo_user", "The trials log in as a demo user: this instance has none (public mode).");
  if (slot[RUNNING]) throw new TrialError("trial_running", "A trial is running on this instance: try again in a moment.");
  slot[RUNNING] = true;
  try {
    const credentials = { username: env().DEMO_USERS[0], password };
    if (trial === "session" || trial === "session-memory") return await sessionTrial(c, credentials, trial === "session-memory" ? "memory" : "database");
    if (trial === "hybrid") return await hybridTrial(c, credentials);
    return await jwtTrial(c, credentials, trial === "jwt-revocable");
  } catch (error) {
    if (error instanceof TrialError) throw error;
    throw new TrialError("cluster_unreachable", `A process of the cluster did not answer: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    slot[RUNNING] = false;
  }
}

type Credentials = { username: string; password: string };

async function sessionTrial({ self: a, other: b, resource }: Cluster, credentials: Credentials, store: "database" | "memory"): Promise<TrialResult> {
  const r = new Recorder();
  const login = r.record(a, "POST /api/session/login", await call(`${a.url}/api/session/login`, { method: "POST", body: { ...credentials, store } }), "accepted",
    store === "memory" ? `The row is kept in ${a.name}'s memory only.` : "The row goes to the shared PostgreSQL store.");
  const cookie = cookieFrom(login, "ll_session");
  if (!cookie) throw new TrialError("cluster_unreachable", `${a.name} answered the login without a session cookie.`);
  const mypage = (at: Actor) => call(`${at.url}/api/session/mypage`, { headers: { cookie } });
  r.record(a, "GET /api/session/mypage", await mypage(a), "accepted", `${a.name} knows its own session.`);
  r.record(b, "GET /api/session/mypage", await mypage(b), store === "memory" ? "refused" : "accepted",
    store === "memory" ? `${b.name} opens the seal (same secret) but has no such row: the session is lost unless every request goes back to ${a.name} (sticky sessions).` : `${b.name} finds the row in the shared store: any instance can serve the session.`);
  if (resource) {
    r.record(resource, "GET /resource (cookie only)", await call(`${resource.url}/resource`, { headers: { cookie } }), "refused", "The resource service has no session store: a session cookie means nothing to it.");
  }
  r.record(a, "POST /api/session/logout", await call(`${a.url}/api/session/logout`, { method: "POST", headers: { cookie } }), "accepted", `${a.name} deletes the row.`);
  const after = await untilRefused(() => mypage(b));
  r.record(b, "GET /api/session/mypage (right after)", after.last, "refused",
    store === "memory" ? `${b.name} never knew the session.` : `${b.name} refused after ${after.attempts} ${after.attempts === 1 ? "request" : "requests"}: the store announced the deletion to it.`);
  return {
    trial: store === "memory" ? "session-memory" : "session",
    steps: r.steps,
    propagation: store === "database" ? { ms: round(after.ms), attempts: after.attempts } : null,
    summary:
      store === "memory"
        ? `S7 holds: with sessions in one instance's memory, ${b.name} cannot serve ${a.name}'s session.`
        : `A shared store makes the session work on every instance, and the logout on ${a.name} was refused on ${b.name} ${round(after.ms)} ms after its answer.`,
  };
}

async function jwtTrial({ self: a, other: b, resource }: Cluster, credentials: Credentials, revocable: boolean): Promise<TrialResult> {
  const r = new Recorder();
  const login = r.record(a, "POST /api/jwt/login", await call(`${a.url}/api/jwt/login`, { method: "POST", body: { ...credentials, revocable } }), "accepted",
    revocable ? `${a.name} signs a revocable token (its jti is checked against the deny-list).` : `${a.name} signs a token and stores nothing.`);
  const token = typeof login.body.access_token === "string" ? login.body.access_token : null;
  if (!token) throw new TrialError("cluster_unreachable", `${a.name} answered the login without a token.`);
  const mypage = (at: Actor) => call(`${at.url}/api/jwt/mypage`, { headers: bearer(token) });
  const askResource = () => call(`${resource?.url}/resource`, { headers: bearer(token) });
  r.record(b, "GET /api/jwt/mypage", await mypage(b), "accepted",
    revocable ? `${b.name} verifies the signature, then asks the deny-list (once, then it keeps the answer).` : `${b.name} verifies the signature with the public key: no store (T4).`);
  if (resource) r.record(resource, "GET /resource", await askResource(), "accepted", "The resource service verifies it with the published JWKS only: no store, no secret (T6, T7).");
  r.record(a, "POST /api/jwt/logout", await call(`${a.url}/api/jwt/logout`, { method: "POST", headers: bearer(token) }), "accepted",
    revocable ? `${a.name} puts the jti on the deny-list.` : `${a.name} has nothing to delete.`);
  let propagation: TrialResult["propagation"] = null;
  if (revocable) {
    const after = await untilRefused(() => mypage(b));
    propagation = { ms: round(after.ms), attempts: after.attempts };
    r.record(b, "GET /api/jwt/mypage (right after)", after.last, "refused", `${b.name} refused after ${after.attempts} ${after.attempts === 1 ? "request" : "requests"}: the listing was announced to it.`);
  } else {
    r.record(b, "GET /api/jwt/mypage (right after)", await mypage(b), "accepted", `${b.name} still accepts it: a logged-out token lives until exp (T8).`);
  }
  const exp = typeof login.body.expires_in === "number" ? ` (for ${Math.round(login.body.expires_in / 60)} more minutes)` : "";
  if (resource) r.record(resource, "GET /resource (right after)", await askResource(), "accepted", `The resource service cannot know about the logout: it accepts the token until exp${exp} (T8, at scale).`);
  return {
    trial: revocable ? "jwt-revocable" : "jwt",
    steps: r.steps,
    propagation,
    summary: revocable
      ? `The deny-list brings revocation back to the instances (${b.name} refused ${propagation?.ms} ms after the logout) — but not to a verifier without the store.`
      : "Any process with the public key accepts the token, and none of them can stop it before exp.",
  };
}

async function hybridTrial({ self: a, other: b, resource }: Cluster, credentials: Credentials): Promise<TrialResult> {
  const r = new Recorder();
  const login = r.record(a, "POST /api/hybrid/login", await call(`${a.url}/api/hybrid/login`, { method: "POST", body: credentials }), "accepted", `${a.name} signs a short access token and stores a refresh token.`);
  const access = typeof login.body.access_token === "string" ? login.body.access_token : null;
  let refresh = cookieFrom(login, "ll_refresh");
  if (!access || !refresh) throw new TrialError("cluster_unreachable", `${a.name} answered the login without tokens.`);
  r.record(b, "GET /api/hybrid/mypage", await call(`${b.url}/api/hybrid/mypage`, { headers: bearer(access) }), "accepted", `${b.name} verifies the access token: no store.`);
  if (resource) r.record(resource, "GET /resource", await call(`${resource.url}/resource`, { headers: bearer(access) }), "accepted", "So does the resource service.");
  const rotated = r.record(b, "POST /api/hybrid/refresh", await call(`${b.url}/api/hybrid/refresh`, { method: "POST", headers: { cookie: refresh } }), "accepted",
    `${b.name} rotates the refresh token in the shared store.`);
  refresh = cookieFrom(rotated, "ll_refresh") ?? refresh;
  const latest = typeof rotated.body.access_token === "string" ? rotated.body.access_token : access;
  r.record(a, "POST /api/hybrid/refresh/logout", await call(`${a.url}/api/hybrid/refresh/logout`, { method: "POST", headers: { cookie: refresh } }), "accepted", `${a.name} revokes the whole family.`);
  const cookie = refresh;
  const after = await untilRefused(() => call(`${b.url}/api/hybrid/refresh`, { method: "POST", headers: { cookie } }));
  r.record(b, "POST /api/hybrid/refresh (right after)", after.last, "refused", `${b.name} refuses the refresh at once: a refresh always reads the store, in its transaction.`);
  r.record(b, "GET /api/hybrid/mypage (right after)", await call(`${b.url}/api/hybrid/mypage`, { headers: bearer(latest) }), "accepted", `The access token still works on ${b.name} until its short exp.`);
  if (resource) r.record(resource, "GET /resource (right after)", await call(`${resource.url}/resource`, { headers: bearer(latest) }), "accepted", "And on the resource service.");
  return {
    trial: "hybrid",
    steps: r.steps,
    propagation: { ms: round(after.ms), attempts: after.attempts },
    summary: `The family's revocation stops refreshes everywhere at once; the access token lives out its ${env().HYBRID_ACCESS_TTL_SECONDS / 60} minutes.`,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
