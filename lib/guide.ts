import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";
import type { Mode } from "./client/modes";

/**
 * The selection guide behind `/guide` (claims G1, G2): a few questions about the system being
 * built, and the one login mode this lab would pick for it — with the reasons, each tied to a claim
 * of docs/claims.md and to the place in the app that demonstrates it, and with what the choice gives
 * up. Pure: no React, no server-only imports, so the page, the unit tests and anything else can
 * share it.
 *
 * The answers live in the URL (`?app=ssr&revocation=instant…`) so a recommendation can be shared: the ids
 * below are part of those URLs — add answers, never rename them.
 *
 * Every text here is a message key of the `guide` namespace (messages/*.json), checked by tsc
 * against the English messages; the page translates them.
 */

/** A message of the `guide` namespace. */
export type GuideKey = MessageKeys<Messages["guide"], NestedKeyOf<Messages["guide"]>>;

export type Choice = { readonly id: string; readonly label: GuideKey; readonly hint?: GuideKey };
export type Question = { readonly id: string; readonly text: GuideKey; readonly hint: GuideKey; readonly answers: readonly Choice[] };

export const QUESTIONS = [
  {
    id: "app",
    text: "questions.app.text",
    hint: "questions.app.hint",
    answers: [
      { id: "ssr", label: "questions.app.answers.ssr.label", hint: "questions.app.answers.ssr.hint" },
      { id: "spa", label: "questions.app.answers.spa.label", hint: "questions.app.answers.spa.hint" },
      { id: "none", label: "questions.app.answers.none.label", hint: "questions.app.answers.none.hint" },
    ],
  },
  {
    id: "clients",
    text: "questions.clients.text",
    hint: "questions.clients.hint",
    answers: [
      { id: "browser", label: "questions.clients.answers.browser.label" },
      { id: "mobile", label: "questions.clients.answers.mobile.label" },
      { id: "third", label: "questions.clients.answers.third.label", hint: "questions.clients.answers.third.hint" },
    ],
  },
  {
    id: "services",
    text: "questions.services.text",
    hint: "questions.services.hint",
    answers: [
      { id: "one", label: "questions.services.answers.one.label" },
      { id: "many", label: "questions.services.answers.many.label", hint: "questions.services.answers.many.hint" },
    ],
  },
  {
    id: "domains",
    text: "questions.domains.text",
    hint: "questions.domains.hint",
    answers: [
      { id: "one", label: "questions.domains.answers.one.label", hint: "questions.domains.answers.one.hint" },
      { id: "many", label: "questions.domains.answers.many.label", hint: "questions.domains.answers.many.hint" },
    ],
  },
  {
    id: "revocation",
    text: "questions.revocation.text",
    hint: "questions.revocation.hint",
    answers: [
      { id: "instant", label: "questions.revocation.answers.instant.label" },
      { id: "minutes", label: "questions.revocation.answers.minutes.label" },
      { id: "expiry", label: "questions.revocation.answers.expiry.label", hint: "questions.revocation.answers.expiry.hint" },
    ],
  },
  {
    id: "servers",
    text: "questions.servers.text",
    hint: "questions.servers.hint",
    answers: [
      { id: "one", label: "questions.servers.answers.one.label" },
      { id: "many", label: "questions.servers.answers.many.label" },
      { id: "apart", label: "questions.servers.answers.apart.label", hint: "questions.servers.answers.apart.hint" },
    ],
  },
  {
    id: "stakes",
    text: "questions.stakes.text",
    hint: "questions.stakes.hint",
    answers: [
      { id: "low", label: "questions.stakes.answers.low.label", hint: "questions.stakes.answers.low.hint" },
      { id: "medium", label: "questions.stakes.answers.medium.label", hint: "questions.stakes.answers.medium.hint" },
      { id: "high", label: "questions.stakes.answers.high.label", hint: "questions.stakes.answers.high.hint" },
    ],
  },
] as const satisfies readonly Question[];

type Questions = (typeof QUESTIONS)[number];
export type QuestionId = Questions["id"];
export type AnswerOf<Q extends QuestionId> = Extract<Questions, { id: Q }>["answers"][number]["id"];
/** What the visitor answered: any subset of the questions. */
export type Answers = { [Q in QuestionId]?: AnswerOf<Q> };

/** Every place a reason may link to: anchors and pages that exist in this app. */
export const DEMO_HREFS = ["/#session", "/#jwt", "/#hybrid", "/#replay-lab", "/lab/xss", "/lab/attacker", "/compare", "/scale"] as const;
export type DemoHref = (typeof DEMO_HREFS)[number];
export type Demo = { href: DemoHref; label: GuideKey };
/** One line of the argument: what it says, the claim of docs/claims.md it rests on, where to see it. */
export type Reason = { text: GuideKey; claim: string; demo: Demo };

export type Recommendation = {
  mode: Mode;
  /** Why this mode, from the answers given (never empty). */
  reasons: Reason[];
  /** What choosing it costs: true whatever was answered, sharpened by some answers. */
  givesUp: Reason[];
  /** The runner-up, and when it would be the better choice. */
  alsoConsider?: { mode: Mode; text: GuideKey; claim: string; demo: Demo };
  /** Questions not answered yet whose answer would change the mode, and to what. */
  open: { question: QuestionId; changes: { answer: string; mode: Mode }[] }[];
  answered: number;
  /**
   * The one-line summary of the mode for these answers, when the panels' own tagline (written for
   * a browser: localStorage, HttpOnly cookies) would not fit the clients answered — apps and
   * programs get their tokens in the response body.
   */
  tagline?: GuideKey;
};

export type GuideOptions = {
  /** The XSS lab is off in production unless LAB_XSS_ENABLED=true: its reasons then link to /compare. */
  xssLab?: boolean;
};

// Where the reasons point, named once.
const D = {
  session: { href: "/#session", label: "demos.session" },
  sessionDevices: { href: "/#session", label: "demos.sessionDevices" },
  jwt: { href: "/#jwt", label: "demos.jwt" },
  hybrid: { href: "/#hybrid", label: "demos.hybrid" },
  replay: { href: "/#replay-lab", label: "demos.replay" },
  xss: { href: "/lab/xss", label: "demos.xss" },
  attacker: { href: "/lab/attacker", label: "demos.attacker" },
  compare: { href: "/compare", label: "demos.compare" },
  scale: { href: "/scale", label: "demos.scale" },
} as const satisfies Record<string, Demo>;

/** What the answers say, as the facts the rules below are written in. */
function factsOf(a: Answers) {
  const thirdParty = a.clients === "third";
  const ownApps = a.clients === "mobile";
  const noBrowser = a.app === "none";
  const manyServices = a.services === "many";
  const manyDomains = a.domains === "many";
  const noSharedStore = a.servers === "apart";
  return {
    browser: a.app === "ssr" || a.app === "spa",
    thirdParty,
    ownApps,
    noBrowser,
    manyServices,
    manyDomains,
    noSharedStore,
    /**
     * Something checks the login where a session cannot reach: a client with no cookie jar of ours,
     * a verifier that does not share the store, another site. Any one of these needs a token.
     */
    needsToken: thirdParty || ownApps || noBrowser || manyServices || manyDomains || noSharedStore,
    /** Some client has no browser cookie jar: an app, a third party's client, a program. */
    nonBrowserClients: ownApps || thirdParty || noBrowser,
    /** The only thing asking for a token is a first-party app: one that could carry an opaque session id instead. */
    onlyOwnApps: ownApps && !thirdParty && !noBrowser && !manyServices && !manyDomains && !noSharedStore,
    revokeSoon: a.revocation === "instant" || a.revocation === "minutes",
    stakesUp: a.stakes === "medium" || a.stakes === "high",
  };
}

/**
 * The rule, in three lines:
 * - nothing needs a token (browsers on one site, verified where a store is reachable) → session,
 *   the simpler default: an opaque HttpOnly cookie, state that can be deleted (G1);
 * - a token is needed and a logout must bite within minutes, or a stolen credential costs more
 *   than a little → hybrid: a short access token plus a rotating refresh token (G3);
 * - a token is needed, and expiry is an acceptable end for a stolen copy of a low-stakes
 *   credential → JWT, stateless (G2).
 */
function decide(a: Answers): Mode {
  const f = factsOf(a);
  if (!f.needsToken) return "session";
  return f.revokeSoon || f.stakesUp ? "hybrid" : "jwt";
}

function sessionReasons(a: Answers): Reason[] {
  const r: Reason[] = [];
  if (a.app === "ssr")
    r.push({
      text: "reasons.session.ssr",
      claim: "S2",
      demo: D.session,
    });
  if (a.app === "spa")
    r.push({
      text: "reasons.session.spa",
      claim: "S2",
      demo: D.session,
    });
  if (a.revocation === "instant" || a.revocation === "minutes")
    r.push({
      text: a.revocation === "instant" ? "reasons.session.revokeInstant" : "reasons.session.revokeMinutes",
      claim: "S4",
      demo: D.replay,
    });
  if (a.stakes === "high")
    r.push({
      text: "reasons.session.devices",
      claim: "S6",
      demo: D.sessionDevices,
    });
  if (a.stakes === "high")
    r.push({
      text: "reasons.session.sealed",
      claim: "S5",
      demo: D.compare,
    });
  if (a.stakes === "high" || a.stakes === "medium")
    r.push({
      text: "reasons.session.httpOnly",
      claim: "T10",
      demo: D.xss,
    });
  if (a.servers === "one")
    r.push({ text: "reasons.session.oneServer", claim: "S7", demo: D.scale });
  if (a.servers === "many")
    r.push({
      text: "reasons.session.sharedStore",
      claim: "S7",
      demo: D.scale,
    });
  if (a.services === "one")
    r.push({
      text: "reasons.session.oneService",
      claim: "T4",
      demo: D.scale,
    });
  if (a.clients === "browser" && a.domains === "one")
    r.push({
      text: "reasons.session.ownSite",
      claim: "S8",
      demo: D.attacker,
    });
  r.push({
    text: "reasons.session.simpler",
    claim: "G1",
    demo: D.compare,
  });
  return r;
}

/** Why a token at all: each answer that rules a session out. */
function tokenReasons(a: Answers): Reason[] {
  const f = factsOf(a);
  const r: Reason[] = [];
  if (f.thirdParty)
    r.push({
      text: "reasons.token.thirdParty",
      claim: "T3",
      demo: D.jwt,
    });
  if (f.ownApps || (f.noBrowser && !f.thirdParty))
    r.push({
      text: f.ownApps ? "reasons.token.ownApps" : "reasons.token.noBrowser",
      claim: "T6",
      demo: D.jwt,
    });
  if (f.manyServices)
    r.push({
      text: "reasons.token.manyServices",
      claim: "T7",
      demo: D.scale,
    });
  if (f.manyDomains)
    r.push({
      text: "reasons.token.manyDomains",
      claim: "S8",
      demo: D.attacker,
    });
  if (f.noSharedStore)
    r.push({
      text: "reasons.token.noSharedStore",
      claim: "T4",
      demo: D.scale,
    });
  return r;
}

function hybridReasons(a: Answers): Reason[] {
  const r = tokenReasons(a);
  // The refresh cookie is a browser's: say how a client without a cookie jar keeps the refresh token.
  if (factsOf(a).nonBrowserClients)
    r.push({
      text: "reasons.hybrid.apps",
      claim: "T6",
      demo: D.hybrid,
    });
  if (a.revocation === "instant" || a.revocation === "minutes")
    r.push({
      text: "reasons.hybrid.revoke",
      claim: "G3",
      demo: D.replay,
    });
  if (a.stakes === "medium" || a.stakes === "high")
    r.push({
      text: "reasons.hybrid.rotation",
      claim: "G3",
      demo: D.hybrid,
    });
  // A browser front end, answered or likely (the stakes asked for it and nobody said there is none).
  if (a.app === "ssr" || a.app === "spa" || (a.app === undefined && (a.stakes === "medium" || a.stakes === "high")))
    r.push({
      text: "reasons.hybrid.memory",
      claim: "T10",
      demo: D.xss,
    });
  return r;
}

function jwtReasons(a: Answers): Reason[] {
  const r = tokenReasons(a);
  if (a.revocation === "expiry")
    r.push({
      text: "reasons.jwt.expiry",
      claim: "T8",
      demo: D.replay,
    });
  if (a.stakes === "low")
    r.push({
      text: "reasons.jwt.lowStakes",
      claim: "T8",
      demo: D.jwt,
    });
  r.push({
    text: "reasons.jwt.stateless",
    claim: "T2",
    demo: D.compare,
  });
  return r;
}

function givesUpOf(mode: Mode, a: Answers): Reason[] {
  const f = factsOf(a);
  if (mode === "session")
    return [
      {
        text: "givesUp.session.state",
        claim: "S7",
        demo: D.scale,
      },
      {
        text: "givesUp.session.browsersOnly",
        claim: "S8",
        demo: D.attacker,
      },
      {
        text: "givesUp.session.lookup",
        claim: "T5",
        demo: D.compare,
      },
    ];
  if (mode === "jwt")
    return [
      {
        text: "givesUp.jwt.noTakingBack",
        claim: "T8",
        demo: D.replay,
      },
      {
        text: f.browser ? "givesUp.jwt.xssInBrowser" : "givesUp.jwt.xssIfBrowser",
        claim: "T10",
        demo: D.xss,
      },
      {
        text: "givesUp.jwt.readable",
        claim: "T11",
        demo: D.jwt,
      },
    ];
  const g: Reason[] = [
    {
      text: a.revocation === "instant" ? "givesUp.hybrid.notAtOnce" : "givesUp.hybrid.notInstant",
      claim: "T8",
      demo: D.replay,
    },
    {
      text: "givesUp.hybrid.refreshFlow",
      claim: "G3",
      demo: D.hybrid,
    },
    {
      text: "givesUp.hybrid.refreshState",
      claim: "S3",
      demo: D.compare,
    },
  ];
  if (a.app === "ssr")
    g.push({
      text: "givesUp.hybrid.serverRendered",
      claim: "G1",
      demo: D.hybrid,
    });
  return g;
}

function alsoConsiderOf(mode: Mode, a: Answers): Recommendation["alsoConsider"] {
  const f = factsOf(a);
  if (mode === "session")
    return {
      mode: "hybrid",
      text: "alsoConsider.session",
      claim: "G3",
      demo: D.hybrid,
    };
  if (mode === "jwt")
    return {
      mode: "hybrid",
      text: "alsoConsider.jwt",
      claim: "G3",
      demo: D.hybrid,
    };
  if (f.onlyOwnApps)
    return {
      mode: "session",
      text: "alsoConsider.ownApps",
      claim: "S4",
      demo: D.replay,
    };
  if (a.app === "ssr" || a.revocation === "instant")
    return {
      mode: "session",
      text: "alsoConsider.webPages",
      claim: "G1",
      demo: D.session,
    };
  return undefined;
}

/** The mode's summary for clients that are not (only) browsers; none where the panels' own tagline is true. */
function taglineOf(mode: Mode, a: Answers): GuideKey | undefined {
  const f = factsOf(a);
  if (mode === "hybrid" && f.nonBrowserClients) return f.noBrowser ? "taglines.hybridNoBrowser" : "taglines.hybridApps";
  if (mode === "jwt" && f.noBrowser) return "taglines.jwtNoBrowser";
  return undefined;
}

/** The recommendation for whatever has been answered so far (any subset, none included). */
export function recommend(answers: Answers, options: GuideOptions = {}): Recommendation {
  const a = clean(answers);
  const mode = decide(a);
  const reasons = mode === "session" ? sessionReasons(a) : mode === "hybrid" ? hybridReasons(a) : jwtReasons(a);
  const open = QUESTIONS.filter((q) => a[q.id] === undefined)
    .map((q) => ({
      question: q.id as QuestionId,
      changes: q.answers.map((c) => ({ answer: c.id as string, mode: decide({ ...a, [q.id]: c.id }) })).filter((c) => c.mode !== mode),
    }))
    .filter((q) => q.changes.length > 0);
  const result: Recommendation = { mode, reasons, givesUp: givesUpOf(mode, a), open, answered: QUESTIONS.filter((q) => a[q.id] !== undefined).length };
  const also = alsoConsiderOf(mode, a);
  if (also) result.alsoConsider = also;
  const tagline = taglineOf(mode, a);
  if (tagline) result.tagline = tagline;
  return options.xssLab === false ? withoutXssLab(result) : result;
}

/** The XSS lab's links point to /compare (its "where the browser keeps it" row) when the lab is off. */
function withoutXssLab(r: Recommendation): Recommendation {
  const swap = <T extends { demo: Demo }>(x: T): T => (x.demo.href === "/lab/xss" ? { ...x, demo: D.compare } : x);
  return { ...r, reasons: r.reasons.map(swap), givesUp: r.givesUp.map(swap), ...(r.alsoConsider ? { alsoConsider: swap(r.alsoConsider) } : {}) };
}

export function question(id: QuestionId): Question {
  return QUESTIONS.find((q) => q.id === id) as Question;
}

/** The label (its message key) of one answer, or undefined for an id that is not one of the question's. */
export function answerLabel(id: QuestionId, answer: string): GuideKey | undefined {
  return question(id).answers.find((c) => c.id === answer)?.label;
}

/** Keeps only known questions with one of their own answers: whatever else an object holds is dropped. */
function clean(answers: Answers): Answers {
  const out: Record<string, string> = {};
  for (const q of QUESTIONS) {
    const v: unknown = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    if (typeof v === "string" && answerLabel(q.id, v) !== undefined) out[q.id] = v;
  }
  return out as Answers;
}

export function hasAnswers(answers: Answers): boolean {
  return QUESTIONS.some((q) => answers[q.id] !== undefined);
}

type ParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The answers in a query string: for each question, its first value that is one of its answers.
 * Unknown keys, unknown values and repeated keys are ignored — any query string is safe, nothing
 * throws, and nothing outside QUESTIONS is read (so `__proto__` or `constructor` are just unknown).
 */
export function answersFromParams(params: ParamsLike): Answers {
  const out: Record<string, string> = {};
  for (const q of QUESTIONS) {
    let values: unknown[];
    if (params instanceof URLSearchParams) values = params.getAll(q.id);
    else {
      const v: unknown = Object.prototype.hasOwnProperty.call(params, q.id) ? params[q.id] : undefined;
      values = Array.isArray(v) ? v : [v];
    }
    const found = values.find((v): v is string => typeof v === "string" && answerLabel(q.id, v) !== undefined);
    if (found !== undefined) out[q.id] = found;
  }
  return out as Answers;
}

/** The answers as a query string, in question order: what the form's GET submission produces. */
export function paramsFromAnswers(answers: Answers): URLSearchParams {
  const a = clean(answers);
  return new URLSearchParams(QUESTIONS.flatMap((q) => (a[q.id] !== undefined ? [[q.id, a[q.id] as string]] : [])));
}

/** The guide's URL for these answers: the link that shares a recommendation. */
export function guideHref(answers: Answers): string {
  const query = paramsFromAnswers(answers).toString();
  return query ? `/guide?${query}` : "/guide";
}
