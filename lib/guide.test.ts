import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type Answers, answersFromParams, DEMO_HREFS, type GuideKey, guideHref, hasAnswers, paramsFromAnswers, QUESTIONS, recommend } from "./guide";

const MESSAGES = { en: JSON.parse(readFileSync("messages/en.json", "utf8")).guide as unknown, ko: JSON.parse(readFileSync("messages/ko.json", "utf8")).guide as unknown };

/** The text of a `guide` message in one language: fails the test when the key has no message there. */
function message(locale: "en" | "ko", key: GuideKey): string {
  const text = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), MESSAGES[locale]);
  assert.equal(typeof text, "string", `${locale} guide.${key}`);
  return text as string;
}
const english = (key: GuideKey) => message("en", key);

/** Typical systems, described the way a visitor would answer, and the mode a senior engineer would defend. */
const PROFILES: { name: string; answers: Answers; mode: "session" | "jwt" | "hybrid" }[] = [
  {
    name: "a classic server-rendered site on one server",
    answers: { app: "ssr", clients: "browser", services: "one", domains: "one", revocation: "minutes", servers: "one", stakes: "medium" },
    mode: "session",
  },
  {
    name: "an SPA with a mobile app and several services",
    answers: { app: "spa", clients: "mobile", services: "many", domains: "one", revocation: "minutes", servers: "many", stakes: "medium" },
    mode: "hybrid",
  },
  {
    name: "an SPA on one domain that must cut off a stolen device at once",
    answers: { app: "spa", clients: "browser", services: "one", domains: "one", revocation: "instant", servers: "many", stakes: "medium" },
    mode: "session",
  },
  {
    name: "microservices with third-party clients, where expiry is an acceptable end",
    answers: { app: "none", clients: "third", services: "many", domains: "one", revocation: "expiry", servers: "apart", stakes: "low" },
    mode: "jwt",
  },
  {
    name: "a bank-like site where a stolen credential costs a lot",
    answers: { app: "ssr", clients: "browser", services: "one", domains: "one", revocation: "instant", servers: "many", stakes: "high" },
    mode: "session",
  },
  {
    name: "the same bank with its own mobile app",
    answers: { app: "ssr", clients: "mobile", services: "one", domains: "one", revocation: "instant", servers: "many", stakes: "high" },
    mode: "hybrid",
  },
  {
    name: "an SPA sharing one login over several domains, minutes are fine",
    answers: { app: "spa", clients: "browser", domains: "many", revocation: "minutes" },
    mode: "hybrid",
  },
  {
    name: "an internal API read by scripts, low stakes, expiry is fine",
    answers: { app: "none", revocation: "expiry", stakes: "low" },
    mode: "jwt",
  },
  { name: "nothing answered yet", answers: {}, mode: "session" },
];

const allReasons = (answers: Answers, xssLab = true) => {
  const r = recommend(answers, { xssLab });
  return [...r.reasons, ...r.givesUp, ...(r.alsoConsider ? [r.alsoConsider] : [])];
};

describe("recommend", () => {
  for (const p of PROFILES) {
    test(`${p.name} → ${p.mode}`, () => {
      const r = recommend(p.answers);
      assert.equal(r.mode, p.mode);
      assert.ok(r.reasons.length > 0, "always at least one reason");
      assert.ok(r.givesUp.length > 0, "always says what it gives up");
      assert.ok(r.alsoConsider === undefined || r.alsoConsider.mode !== r.mode, "the runner-up is another mode");
      assert.equal(r.answered, Object.keys(p.answers).length);
    });
  }

  test("every reason names a claim of docs/claims.md and links to a place the app demonstrates it", () => {
    const claims = /^(S[1-8]|T([1-9]|1[01])|G[1-3])$/;
    const profiles = [...PROFILES.map((p) => p.answers), ...everySingleAnswer()];
    for (const answers of profiles) {
      for (const xssLab of [true, false]) {
        for (const r of allReasons(answers, xssLab)) {
          assert.ok((DEMO_HREFS as readonly string[]).includes(r.demo.href), `${r.demo.href} is an allowed demo`);
          assert.match(r.claim, claims);
          assert.ok(english(r.text).length > 20 && english(r.demo.label).length > 0);
          assert.ok(message("ko", r.text).length > 0 && message("ko", r.demo.label).length > 0);
          if (!xssLab) assert.notEqual(r.demo.href, "/lab/xss", "no link to a lab that is switched off");
        }
      }
    }
  });

  test("a token is needed → hybrid once a logout must bite within minutes or the stakes rise, JWT otherwise", () => {
    for (const need of [{ clients: "third" }, { clients: "mobile" }, { app: "none" }, { services: "many" }, { domains: "many" }, { servers: "apart" }] as Answers[]) {
      assert.equal(recommend({ ...need, revocation: "expiry", stakes: "low" }).mode, "jwt", JSON.stringify(need));
      assert.equal(recommend({ ...need, revocation: "minutes", stakes: "low" }).mode, "hybrid", JSON.stringify(need));
      assert.equal(recommend({ ...need, revocation: "instant" }).mode, "hybrid", JSON.stringify(need));
      assert.equal(recommend({ ...need, revocation: "expiry", stakes: "high" }).mode, "hybrid", JSON.stringify(need));
    }
  });

  test("nothing needs a token → session, whatever the stakes or the revocation", () => {
    for (const revocation of ["instant", "minutes", "expiry"] as const)
      for (const stakes of ["low", "medium", "high"] as const)
        assert.equal(recommend({ app: "spa", clients: "browser", services: "one", domains: "one", servers: "many", revocation, stakes }).mode, "session");
  });

  test("hybrid asked to revoke at once says plainly that it does not, and offers the session for the web pages", () => {
    const r = recommend({ app: "ssr", clients: "third", revocation: "instant" });
    assert.equal(r.mode, "hybrid");
    assert.ok(r.givesUp.some((g) => g.claim === "T8" && /Not at once/.test(english(g.text))));
    assert.ok(r.givesUp.some((g) => /Server-rendered pages/.test(english(g.text))));
    assert.equal(r.alsoConsider?.mode, "session");
  });

  test("own apps as the only reason for a token: the session is the runner-up (an opaque id in a header)", () => {
    const r = recommend({ app: "spa", clients: "mobile", revocation: "minutes" });
    assert.equal(r.mode, "hybrid");
    assert.equal(r.alsoConsider?.mode, "session");
    assert.ok(r.alsoConsider);
    assert.match(english(r.alsoConsider.text), /opaque session id/);
  });

  test("clients without a cookie jar: hybrid says how they keep the refresh token, and what this lab's API does; browsers only keep the panels' tagline", () => {
    for (const answers of [{ app: "spa", clients: "mobile", revocation: "minutes" }, { app: "none", revocation: "instant" }, { clients: "third", stakes: "high" }] as Answers[]) {
      const r = recommend(answers);
      assert.equal(r.mode, "hybrid", JSON.stringify(answers));
      const apps = r.reasons.find((x) => x.text === "reasons.hybrid.apps");
      assert.ok(apps, JSON.stringify(answers));
      assert.match(english(apps.text), /response body/);
      assert.match(english(apps.text), /Keychain/);
      assert.match(english(apps.text), /only as a cookie/);
      assert.ok(r.tagline && !/HttpOnly cookie\.$/.test(english(r.tagline)), "no browser-only tagline next to clients without a cookie jar");
      assert.match(english(r.tagline), /response body/);
    }
    assert.equal(recommend({ app: "none", revocation: "instant" }).tagline, "taglines.hybridNoBrowser");
    assert.equal(recommend({ app: "none", revocation: "expiry", stakes: "low" }).tagline, "taglines.jwtNoBrowser");
    const browsersOnly = recommend({ app: "spa", clients: "browser", domains: "many", revocation: "minutes" });
    assert.equal(browsersOnly.mode, "hybrid");
    assert.equal(browsersOnly.tagline, undefined);
    assert.ok(!browsersOnly.reasons.some((x) => x.text === "reasons.hybrid.apps"));
  });

  test("incomplete answers: says which unanswered questions would change the mode, and to what", () => {
    const r = recommend({ app: "spa", clients: "browser" });
    assert.equal(r.mode, "session");
    const open = Object.fromEntries(r.open.map((o) => [o.question, o.changes]));
    assert.deepEqual(open.domains, [{ answer: "many", mode: "jwt" }]);
    assert.deepEqual(open.servers, [{ answer: "apart", mode: "jwt" }]);
    assert.equal(open.revocation, undefined, "alone, it would not change a session");
    assert.equal(open.app, undefined, "answered questions are not open");

    const t = recommend({ clients: "third" });
    assert.equal(t.mode, "jwt");
    const tOpen = Object.fromEntries(t.open.map((o) => [o.question, o.changes]));
    assert.deepEqual(tOpen.revocation, [
      { answer: "instant", mode: "hybrid" },
      { answer: "minutes", mode: "hybrid" },
    ]);
    assert.deepEqual(tOpen.stakes, [
      { answer: "medium", mode: "hybrid" },
      { answer: "high", mode: "hybrid" },
    ]);

    const full = recommend(PROFILES[0].answers);
    assert.deepEqual(full.open, [], "nothing is open once everything is answered");
    assert.equal(full.answered, QUESTIONS.length);
  });

  test("what recommend is handed beyond the questions is ignored", () => {
    const junk = { app: "ssr", clients: "nonsense", extra: "x", __proto__: { services: "many" } } as unknown as Answers;
    assert.deepEqual(recommend(junk), recommend({ app: "ssr" }));
  });
});

describe("answers in the URL", () => {
  test("6 to 8 questions of 2 to 4 answers, with unique ids", () => {
    assert.ok(QUESTIONS.length >= 6 && QUESTIONS.length <= 8);
    assert.equal(new Set(QUESTIONS.map((q) => q.id)).size, QUESTIONS.length);
    for (const q of QUESTIONS) {
      assert.ok(q.answers.length >= 2 && q.answers.length <= 4, q.id);
      assert.equal(new Set(q.answers.map((a) => a.id)).size, q.answers.length, q.id);
      for (const key of [q.text, q.hint, ...q.answers.flatMap((a): GuideKey[] => ("hint" in a ? [a.label, a.hint] : [a.label]))])
        for (const locale of ["en", "ko"] as const) assert.ok(message(locale, key).length > 0, key);
    }
  });

  test("round trip: answers → params → answers, for every profile and every single answer", () => {
    for (const answers of [...PROFILES.map((p) => p.answers), ...everySingleAnswer()]) {
      const params = paramsFromAnswers(answers);
      assert.deepEqual(answersFromParams(params), answers);
      assert.deepEqual(answersFromParams(new URLSearchParams(params.toString())), answers, "through the string, as a browser sends it");
      assert.deepEqual(answersFromParams(Object.fromEntries(params)), answers, "through Next's searchParams object");
    }
    assert.equal(paramsFromAnswers(PROFILES[0].answers).toString(), "app=ssr&clients=browser&services=one&domains=one&revocation=minutes&servers=one&stakes=medium");
    assert.equal(guideHref({ revocation: "instant", app: "spa" }), "/guide?app=spa&revocation=instant");
    assert.equal(guideHref({}), "/guide");
  });

  test("garbage is ignored and nothing throws", () => {
    const garbage = [
      "",
      "?",
      "app=",
      "app=SSR&clients=web&revocation=now",
      "foo=bar&app[]=ssr&%E0%A4%A=1",
      "__proto__=x&constructor=y&toString=z&hasOwnProperty=1",
      "app=%00&stakes=" + "h".repeat(10_000),
      "app=ssr%20&stakes=%20high",
    ];
    for (const q of garbage) assert.deepEqual(answersFromParams(new URLSearchParams(q)), {}, q);
    const record = { __proto__: "x", constructor: ["y"], app: ["nonsense", "spa", "ssr"], stakes: undefined, clients: [] } as unknown as Record<string, string | string[] | undefined>;
    assert.deepEqual(answersFromParams(record), { app: "spa" }, "the first value that is an answer; the rest ignored");
    assert.deepEqual(answersFromParams(new URLSearchParams("app=x&app=none&app=ssr&x=1")), { app: "none" });
    assert.equal(hasAnswers(answersFromParams(new URLSearchParams("a=1&b=2"))), false);
    assert.equal(hasAnswers({ stakes: "low" }), true);
  });

  test("property: any query string parses without throwing, to known ids only, and recommend never throws on it", () => {
    const known = new Map(QUESTIONS.map((q) => [q.id as string, new Set(q.answers.map((a) => a.id as string))]));
    // Real ids mixed with arbitrary text, so that both near misses and hits are generated.
    const word = fc.oneof(fc.constantFrom(...known.keys(), ...[...known.values()].flatMap((s) => [...s])), fc.string({ maxLength: 12 }));
    const query = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.tuple(word, word), { maxLength: 10 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")),
    );
    fc.assert(
      fc.property(query, (q) => {
        const answers = answersFromParams(new URLSearchParams(q));
        for (const [k, v] of Object.entries(answers)) assert.ok(known.get(k)?.has(v as string), `${q}: ${k}=${v}`);
        assert.ok(["session", "jwt", "hybrid"].includes(recommend(answers).mode));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Each answer of each question on its own: the smallest profiles. */
function everySingleAnswer(): Answers[] {
  return QUESTIONS.flatMap((q) => q.answers.map((a) => ({ [q.id]: a.id }) as Answers));
}
