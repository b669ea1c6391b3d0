import "server-only";
import type { Messages } from "next-intl";
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

/**
 * A sentence of the lab: a key of one group of the `scale` messages and its values (process names,
 * counts, times). Whoever shows it says it in the visitor's language.
 */
export type ScaleText<Group extends keyof Messages["scale"]> = { key: keyof Messages["scale"][Group] & string; values: Record<string, string | number> };

export type Step = {
  /** Which process answered. */
  at: string;
  /** Method and path, as sent. */
  request: string;
  /** What sets the request apart from another one to the same path (`scale.notes`). */
  note: keyof Messages["scale"]["notes"] | null;
  status: number;
  code: string | null;
  ms: number;
  /** What the step shows, in one sentence. */
  says: ScaleText<"steps">;
  /** What the claim predicts: accepted (2xx) or refused. */
  expected: "accepted" | "refused";
  asExpected: boolean;
};

export type TrialResult = {
  trial: TrialName;
  steps: Step[];
  /** Time from the logout's answer on this instance to the sibling's first refusal. */
  propagation: { ms: number; attempts: number } | null;
  summary: ScaleText<"summaries">;
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

/** What a step shows: `says("sessionOwn", { self: "A" })`. */
const says = (key: ScaleText<"steps">["key"], values: ScaleText<"steps">["values"] = {}): ScaleText<"steps"> => ({ key, values });

class Recorder {
  readonly steps: Step[] = [];
  record(at: Actor, request: string | [string, NonNullable<Step["note"]>], answer: Answer, expected: Step["expected"], said: Step["says"]): Answer {
    const accepted = answer.status >= 200 && answer.status < 300;
    const [line, note] = typeof request === "string" ? [request, null] : request;
    this.steps.push({ at: at.name, request: line, note, status: answer.status, code: accepted ? null : codeOf(answer), ms: Math.round(answer.ms * 10) / 10, says: said, expected, asExpected: accepted === (expected === "accepted") });
    return answer;
  }
}

/**
 * Asks `ask` again and again (no pause) until it is refused or `limitMs` passes: how long the
 * sibling went on accepting after this instance's logout had answered.
 */
async function untilRefused(ask: () => Promise<Answer>, limitMs = 2_000): Promise<{ last: Answer; ms: number; attempts: number; accepted: Answer | null }> {
  const start = performance.now();
  let attempts = 0;
  let accepted: Answer | null = null;
  for (;;) {
    const last = await ask();
    attempts += 1;
    const ms = performance.now() - start;
    if (last.status >= 400 || ms > limitMs) return { last: { ...last, ms }, ms, attempts, accepted };
    accepted ??= last;
  }
}

/**
 * The sibling's answers after the logout's answer, none hidden: the requests it still accepted (a
 * step of their own, against the claim, when there were any), then its first refusal.
 */
function recordAfter(r: Recorder, at: Actor, request: string, after: Awaited<ReturnType<typeof untilRefused>>, names: { self: string; other: string }, refused: Step["says"]) {
  if (after.accepted) {
    r.record(at, [request, "rightAfter"], after.accepted, "refused", says("acceptedAfter", { ...names, count: after.attempts - 1 }));
  }
  r.record(at, [request, after.accepted ? "thenRefused" : "rightAfter"], after.last, "refused", refused);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Why a trial could not run: `code` for the API, `text` (`scale.errors`) for whoever reads it. */
export class TrialError extends Error {
  constructor(
    readonly code: "not_in_a_cluster" | "no_demo_user" | "trial_running" | "cluster_unreachable",
    readonly text: ScaleText<"errors">,
  ) {
    super(code);
  }
}

const RUNNING = Symbol.for("login-lab.scale-trial-running");
const slot = globalThis as unknown as Record<symbol, boolean | undefined>;

/** Runs one trial; throws a TrialError when it cannot (no cluster, public mode, one already running). */
export async function runTrial(trial: TrialName): Promise<TrialResult> {
  const c = cluster();
  if (!c) throw new TrialError("not_in_a_cluster", { key: "notInCluster", values: {} });
  const password = env().DEMO_PASSWORD;
  if (!password) throw new TrialError("no_demo_user", { key: "noDemoUser", values: {} });
  if (slot[RUNNING]) throw new TrialError("trial_running", { key: "trialRunning", values: {} });
  slot[RUNNING] = true;
  try {
    const credentials = { username: env().DEMO_USERS[0], password };
    if (trial === "session" || trial === "session-memory") return await sessionTrial(c, credentials, trial === "session-memory" ? "memory" : "database");
    if (trial === "hybrid") return await hybridTrial(c, credentials);
    return await jwtTrial(c, credentials, trial === "jwt-revocable");
  } catch (error) {
    if (error instanceof TrialError) throw error;
    throw new TrialError("cluster_unreachable", { key: "unreachable", values: { detail: error instanceof Error ? error.message : String(error) } });
  } finally {
    slot[RUNNING] = false;
  }
}

type Credentials = { username: string; password: string };

async function sessionTrial({ self: a, other: b, resource }: Cluster, credentials: Credentials, store: "database" | "memory"): Promise<TrialResult> {
  const r = new Recorder();
  const names = { self: a.name, other: b.name };
  const login = r.record(a, "POST /api/session/login", await call(`${a.url}/api/session/login`, { method: "POST", body: { ...credentials, store } }), "accepted",
    store === "memory" ? says("sessionLoginMemory", names) : says("sessionLoginShared"));
  const cookie = cookieFrom(login, "ll_session");
  if (!cookie) throw new TrialError("cluster_unreachable", { key: "noSessionCookie", values: names });
  const mypage = (at: Actor) => call(`${at.url}/api/session/mypage`, { headers: { cookie } });
  r.record(a, "GET /api/session/mypage", await mypage(a), "accepted", says("sessionOwn", names));
  r.record(b, "GET /api/session/mypage", await mypage(b), store === "memory" ? "refused" : "accepted",
    store === "memory" ? says("sessionOtherMemory", names) : says("sessionOtherShared", names));
  if (resource) {
    r.record(resource, ["GET /resource", "cookieOnly"], await call(`${resource.url}/resource`, { headers: { cookie } }), "refused", says("sessionResource"));
  }
  r.record(a, "POST /api/session/logout", await call(`${a.url}/api/session/logout`, { method: "POST", headers: { cookie } }), "accepted", says("sessionLogout", names));
  const after = await untilRefused(() => mypage(b));
  recordAfter(r, b, "GET /api/session/mypage", after, names, store === "memory" ? says("sessionAfterMemory", names) : says("sessionAfterShared", { ...names, attempts: after.attempts }));
  return {
    trial: store === "memory" ? "session-memory" : "session",
    steps: r.steps,
    propagation: store === "database" ? { ms: round(after.ms), attempts: after.attempts } : null,
    summary: store === "memory" ? { key: "sessionMemory", values: names } : { key: "sessionShared", values: { ...names, ms: round(after.ms) } },
  };
}

async function jwtTrial({ self: a, other: b, resource }: Cluster, credentials: Credentials, revocable: boolean): Promise<TrialResult> {
  const r = new Recorder();
  const names = { self: a.name, other: b.name };
  const login = r.record(a, "POST /api/jwt/login", await call(`${a.url}/api/jwt/login`, { method: "POST", body: { ...credentials, revocable } }), "accepted",
    revocable ? says("jwtLoginRevocable", names) : says("jwtLogin", names));
  const token = typeof login.body.access_token === "string" ? login.body.access_token : null;
  if (!token) throw new TrialError("cluster_unreachable", { key: "noToken", values: names });
  const mypage = (at: Actor) => call(`${at.url}/api/jwt/mypage`, { headers: bearer(token) });
  const askResource = () => call(`${resource?.url}/resource`, { headers: bearer(token) });
  r.record(b, "GET /api/jwt/mypage", await mypage(b), "accepted", revocable ? says("jwtOtherRevocable", names) : says("jwtOther", names));
  if (resource) r.record(resource, "GET /resource", await askResource(), "accepted", says("jwtResource"));
  r.record(a, "POST /api/jwt/logout", await call(`${a.url}/api/jwt/logout`, { method: "POST", headers: bearer(token) }), "accepted",
    revocable ? says("jwtLogoutRevocable", names) : says("jwtLogout", names));
  let propagation: TrialResult["propagation"] = null;
  if (revocable) {
    const after = await untilRefused(() => mypage(b));
    propagation = { ms: round(after.ms), attempts: after.attempts };
    recordAfter(r, b, "GET /api/jwt/mypage", after, names, says("jwtAfterRevocable", { ...names, attempts: after.attempts }));
  } else {
    r.record(b, ["GET /api/jwt/mypage", "rightAfter"], await mypage(b), "accepted", says("jwtAfter", names));
  }
  const expiresIn = login.body.expires_in;
  if (resource) {
    r.record(resource, ["GET /resource", "rightAfter"], await askResource(), "accepted",
      typeof expiresIn === "number" ? says("jwtResourceAfterMinutes", { minutes: Math.round(expiresIn / 60) }) : says("jwtResourceAfter"));
  }
  return {
    trial: revocable ? "jwt-revocable" : "jwt",
    steps: r.steps,
    propagation,
    // A propagation is measured exactly when the token was revocable.
    summary: propagation ? { key: "jwtRevocable", values: { other: b.name, ms: propagation.ms } } : { key: "jwt", values: {} },
  };
}

async function hybridTrial({ self: a, other: b, resource }: Cluster, credentials: Credentials): Promise<TrialResult> {
  const r = new Recorder();
  const names = { self: a.name, other: b.name };
  const login = r.record(a, "POST /api/hybrid/login", await call(`${a.url}/api/hybrid/login`, { method: "POST", body: credentials }), "accepted", says("hybridLogin", names));
  const access = typeof login.body.access_token === "string" ? login.body.access_token : null;
  let refresh = cookieFrom(login, "ll_refresh");
  if (!access || !refresh) throw new TrialError("cluster_unreachable", { key: "noTokens", values: names });
  r.record(b, "GET /api/hybrid/mypage", await call(`${b.url}/api/hybrid/mypage`, { headers: bearer(access) }), "accepted", says("hybridOther", names));
  if (resource) r.record(resource, "GET /resource", await call(`${resource.url}/resource`, { headers: bearer(access) }), "accepted", says("hybridResource"));
  const rotated = r.record(b, "POST /api/hybrid/refresh", await call(`${b.url}/api/hybrid/refresh`, { method: "POST", headers: { cookie: refresh } }), "accepted",
    says("hybridRotate", names));
  refresh = cookieFrom(rotated, "ll_refresh") ?? refresh;
  const latest = typeof rotated.body.access_token === "string" ? rotated.body.access_token : access;
  r.record(a, "POST /api/hybrid/refresh/logout", await call(`${a.url}/api/hybrid/refresh/logout`, { method: "POST", headers: { cookie: refresh } }), "accepted", says("hybridRevoke", names));
  const cookie = refresh;
  const after = await untilRefused(() => call(`${b.url}/api/hybrid/refresh`, { method: "POST", headers: { cookie } }));
  recordAfter(r, b, "POST /api/hybrid/refresh", after, names, says("hybridRefreshAfter", names));
  r.record(b, ["GET /api/hybrid/mypage", "rightAfter"], await call(`${b.url}/api/hybrid/mypage`, { headers: bearer(latest) }), "accepted", says("hybridAccessAfter", names));
  if (resource) r.record(resource, ["GET /resource", "rightAfter"], await call(`${resource.url}/resource`, { headers: bearer(latest) }), "accepted", says("hybridResourceAfter"));
  return {
    trial: "hybrid",
    steps: r.steps,
    propagation: { ms: round(after.ms), attempts: after.attempts },
    summary: { key: "hybrid", values: { minutes: env().HYBRID_ACCESS_TTL_SECONDS / 60 } },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
