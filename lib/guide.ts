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
 */

export type Choice = { readonly id: string; readonly label: string; readonly hint?: string };
export type Question = { readonly id: string; readonly text: string; readonly hint: string; readonly answers: readonly Choice[] };

export const QUESTIONS = [
  {
    id: "app",
    text: "What does the browser get?",
    hint: "Who builds the HTML decides what a page request can carry.",
    answers: [
      { id: "ssr", label: "Server-rendered pages", hint: "The server builds each page, knowing who is logged in." },
      { id: "spa", label: "A single-page app", hint: "Script in the browser calls a JSON API." },
      { id: "none", label: "No web front end", hint: "An API used only by apps or other programs." },
    ],
  },
  {
    id: "clients",
    text: "Who else calls your API?",
    hint: "Only a browser sends cookies by itself.",
    answers: [
      { id: "browser", label: "Only our own web pages" },
      { id: "mobile", label: "Our own mobile or desktop apps too" },
      { id: "third", label: "Third-party clients too", hint: "Partners' apps, integrations, other companies' servers." },
    ],
  },
  {
    id: "services",
    text: "How many services check the login?",
    hint: "Checking means deciding, on each request, who is calling.",
    answers: [
      { id: "one", label: "One application" },
      { id: "many", label: "Several services, each on its own", hint: "Microservices or APIs that should not all ask one store." },
    ],
  },
  {
    id: "domains",
    text: "Does one login have to work on several sites?",
    hint: "Cookies stay with their own site.",
    answers: [
      { id: "one", label: "No: one site", hint: "The pages and the API share one registrable domain." },
      { id: "many", label: "Yes: several domains", hint: "For example shop.example and pay-example.com." },
    ],
  },
  {
    id: "revocation",
    text: "After a logout, or a stolen device reported, how soon must that credential stop working?",
    hint: "What a copy taken before the logout may still do.",
    answers: [
      { id: "instant", label: "At once: the very next request" },
      { id: "minutes", label: "Within a few minutes" },
      { id: "expiry", label: "When it expires is fine", hint: "Minutes to hours, whatever its lifetime is." },
    ],
  },
  {
    id: "servers",
    text: "How many server instances check it?",
    hint: "A session must be found by whichever instance gets the request.",
    answers: [
      { id: "one", label: "One server" },
      { id: "many", label: "Several, sharing a database or Redis" },
      { id: "apart", label: "Several, with no shared store on the request path", hint: "Regions or edge functions that should not ask a central store." },
    ],
  },
  {
    id: "stakes",
    text: "What would a stolen credential cost?",
    hint: "What someone could do with it until it stops working.",
    answers: [
      { id: "low", label: "Little", hint: "A forum, comments, saved preferences." },
      { id: "medium", label: "Personal data", hint: "Private messages, an account's own content." },
      { id: "high", label: "Money, health or control", hint: "A bank, a medical record, an admin console." },
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
export type Demo = { href: DemoHref; label: string };
/** One line of the argument: what it says, the claim of docs/claims.md it rests on, where to see it. */
export type Reason = { text: string; claim: string; demo: Demo };

export type Recommendation = {
  mode: Mode;
  /** Why this mode, from the answers given (never empty). */
  reasons: Reason[];
  /** What choosing it costs: true whatever was answered, sharpened by some answers. */
  givesUp: Reason[];
  /** The runner-up, and when it would be the better choice. */
  alsoConsider?: { mode: Mode; text: string; claim: string; demo: Demo };
  /** Questions not answered yet whose answer would change the mode, and to what. */
  open: { question: QuestionId; changes: { answer: string; mode: Mode }[] }[];
  answered: number;
};

export type GuideOptions = {
  /** The XSS lab is off in production unless LAB_XSS_ENABLED=true: its reasons then link to /compare. */
  xssLab?: boolean;
};

// Where the reasons point, named once.
const D = {
  session: { href: "/#session", label: "Session panel" },
  sessionDevices: { href: "/#session", label: "Session panel: your devices" },
  jwt: { href: "/#jwt", label: "JWT panel: the Bearer token, decoded" },
  hybrid: { href: "/#hybrid", label: "Hybrid panel: the refresh chain" },
  replay: { href: "/#replay-lab", label: "Replay after logout" },
  xss: { href: "/lab/xss", label: "XSS lab" },
  attacker: { href: "/lab/attacker", label: "Cross-site lab" },
  compare: { href: "/compare", label: "Compare, measured" },
  scale: { href: "/scale", label: "Scale-out lab" },
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
      text: "Your server renders the pages, and a page request carries cookies but no header added by script: the session cookie arrives with every navigation, so the server knows the user before it renders. A JWT kept in localStorage never reaches a page request.",
      claim: "S2",
      demo: D.session,
    });
  if (a.app === "spa")
    r.push({
      text: "A single-page app on the same site as its API needs no token: the browser sends the session cookie with every fetch to that API by itself, and no script can read it (HttpOnly).",
      claim: "S2",
      demo: D.session,
    });
  if (a.revocation === "instant" || a.revocation === "minutes")
    r.push({
      text: `${a.revocation === "instant" ? "A logout must bite at once" : "A logout must bite within minutes"}: deleting the session row refuses the cookie on the very next request, a copy taken before included. A plain JWT copy would keep working until it expires.`,
      claim: "S4",
      demo: D.replay,
    });
  if (a.stakes === "high")
    r.push({
      text: "The server can list a user's sessions, end any one of them and cap how many there are: \"log out my other devices\" and \"end the stolen phone's session\" are a row deleted.",
      claim: "S6",
      demo: D.sessionDevices,
    });
  if (a.stakes === "high")
    r.push({
      text: "The cookie is sealed and holds only a random id: nothing about the user travels or can be read from it, unlike a JWT's payload.",
      claim: "S5",
      demo: D.compare,
    });
  if (a.stakes === "high" || a.stakes === "medium")
    r.push({
      text: "The cookie is HttpOnly: an injected script cannot read it and carry it away — it can only use it while the page is open — where a token in localStorage would be stolen.",
      claim: "T10",
      demo: D.xss,
    });
  if (a.servers === "one")
    r.push({ text: "One server: the session store is its own database, nothing to share.", claim: "S7", demo: D.scale });
  if (a.servers === "many")
    r.push({
      text: "Several instances on one shared store: a session made on one is accepted by the other, and a logout on one is refused by the other within milliseconds.",
      claim: "S7",
      demo: D.scale,
    });
  if (a.services === "one")
    r.push({
      text: "One application checks the login, so the token's headline advantage — any service verifies it alone, with the public key — buys nothing here.",
      claim: "T4",
      demo: D.scale,
    });
  if (a.clients === "browser" && a.domains === "one")
    r.push({
      text: "Only your own pages on one site send it: the browser's cookie handling does all the work, and the cookie does not go along with requests from other sites.",
      claim: "S8",
      demo: D.attacker,
    });
  r.push({
    text: "Nothing you answered needs a credential checked away from your store, so the simpler choice wins: one opaque cookie, and state you can delete.",
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
      text: "Third-party clients cannot use your site's cookie: they send a token in Authorization: Bearer, and your API knows the caller from the token alone — signature and claims, no store.",
      claim: "T3",
      demo: D.jwt,
    });
  if (f.ownApps || (f.noBrowser && !f.thirdParty))
    r.push({
      text: `${f.ownApps ? "Your apps have" : "Your clients have"} no browser cookie jar: they send the credential themselves, in a header.`,
      claim: "T6",
      demo: D.jwt,
    });
  if (f.manyServices)
    r.push({
      text: "Several services check the login, each on its own: with the public key from /.well-known/jwks.json they verify a token with no shared store and no shared secret.",
      claim: "T7",
      demo: D.scale,
    });
  if (f.manyDomains)
    r.push({
      text: "One login across several sites: a cookie does not travel to another site, so the credential has to be handed over and carried explicitly.",
      claim: "S8",
      demo: D.attacker,
    });
  if (f.noSharedStore)
    r.push({
      text: "Instances with no shared store on the request path: a session made on one is unknown to the next, while a token verifies wherever the public key is.",
      claim: "T4",
      demo: D.scale,
    });
  return r;
}

function hybridReasons(a: Answers): Reason[] {
  const r = tokenReasons(a);
  if (a.revocation === "instant" || a.revocation === "minutes")
    r.push({
      text: "A logout revokes the refresh-token family at once; the access token already issued lives out its short lifetime (minutes), then nothing renews it.",
      claim: "G3",
      demo: D.replay,
    });
  if (a.stakes === "medium" || a.stakes === "high")
    r.push({
      text: "Refresh tokens rotate on every use, and a replayed old one revokes the whole family: a stolen refresh token is caught the next time either holder uses it.",
      claim: "G3",
      demo: D.hybrid,
    });
  // A browser front end, answered or likely (the stakes asked for it and nobody said there is none).
  if (a.app === "ssr" || a.app === "spa" || (a.app === undefined && (a.stakes === "medium" || a.stakes === "high")))
    r.push({
      text: "In the browser the access token lives in page memory, not localStorage, and the refresh token in an HttpOnly cookie sent only to the refresh path: an injected script finds nothing lasting to carry away.",
      claim: "T10",
      demo: D.xss,
    });
  return r;
}

function jwtReasons(a: Answers): Reason[] {
  const r = tokenReasons(a);
  if (a.revocation === "expiry")
    r.push({
      text: "A logout may take effect when the token expires: exactly what a plain JWT gives, and what lets every check skip the store.",
      claim: "T8",
      demo: D.replay,
    });
  if (a.stakes === "low")
    r.push({
      text: "A stolen token costs little, so the window in which a copy still works (until exp) is a risk you can accept for the sake of a single credential and no refresh flow.",
      claim: "T8",
      demo: D.jwt,
    });
  r.push({
    text: "The server keeps nothing per login: each check is a signature and its claims, no store query.",
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
        text: "State per logged-in user, and a store every instance can reach: sessions grow with users, and scaling out means sharing that store.",
        claim: "S7",
        demo: D.scale,
      },
      {
        text: "Only browsers on your own site send it by themselves: another domain, a mobile app or a third-party client would need a second mechanism. And since the browser attaches it on its own, cross-site requests must be kept out (SameSite, Origin checks).",
        claim: "S8",
        demo: D.attacker,
      },
      {
        text: "A session lookup on every request — a store query, or a per-instance copy that must be told when the row changes.",
        claim: "T5",
        demo: D.compare,
      },
    ];
  if (mode === "jwt")
    return [
      {
        text: "No taking back: a logout deletes your copy, but a stolen copy works until exp. A deny-list checked on every request brings the store back.",
        claim: "T8",
        demo: D.replay,
      },
      {
        text: `${f.browser ? "In the browser, a" : "If a browser ever holds it, a"} token in localStorage is one injected script away from theft; an HttpOnly cookie stops the reading, not the using.`,
        claim: "T10",
        demo: D.xss,
      },
      {
        text: "Signed, not encrypted: anyone who holds it reads its payload, so nothing secret may go in it.",
        claim: "T11",
        demo: D.jwt,
      },
    ];
  const g: Reason[] = [
    {
      text:
        a.revocation === "instant"
          ? "Not at once, which you asked for: after a logout, an access token already issued works until its exp (minutes). Only a check against the store on every request — a deny-list, or a session — refuses it on the very next request."
          : "Not instant: after a logout, an access token already issued works until its exp (minutes).",
      claim: "T8",
      demo: D.replay,
    },
    {
      text: "Two credentials and a refresh flow to build and get right: rotation on every use, reuse detection, and a refresh whenever the access token runs out (in a browser, after every page load too).",
      claim: "G3",
      demo: D.hybrid,
    },
    {
      text: "State again, for the refresh tokens: a store, though read only on refresh, not on every request.",
      claim: "S3",
      demo: D.compare,
    },
  ];
  if (a.app === "ssr")
    g.push({
      text: "Server-rendered pages: a navigation carries no access token from page memory, so the server cannot render the user's page from it; the page renders first, then its script refreshes and fetches.",
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
      text: "If mobile or third-party clients, other domains or services that must check the login without your store come along: a short-lived access token with a rotating refresh token — for those clients, next to the session.",
      claim: "G3",
      demo: D.hybrid,
    };
  if (mode === "jwt")
    return {
      mode: "hybrid",
      text: "If a browser app holds the token, or a logout has to bite within minutes: a short-lived access token in memory with a rotating refresh token in an HttpOnly cookie.",
      claim: "G3",
      demo: D.hybrid,
    };
  if (f.onlyOwnApps)
    return {
      mode: "session",
      text: "Your own apps are the only reason for a token: they can carry an opaque session id in a header instead, checked against the same store — one mechanism, and a logout that bites at once.",
      claim: "S4",
      demo: D.replay,
    };
  if (a.app === "ssr" || a.revocation === "instant")
    return {
      mode: "session",
      text: "For your own web pages, a session cookie can stay (the server holding the tokens for the APIs behind it): server rendering and a logout that bites at once there, tokens only for the clients and services that need them.",
      claim: "G1",
      demo: D.session,
    };
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

/** The label of one answer, or undefined for an id that is not one of the question's. */
export function answerLabel(id: QuestionId, answer: string): string | undefined {
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
