import type { ReactNode } from "react";
import { MODES } from "@/app/components/modes";
import { env } from "@/lib/env";
import { type Answers, answerLabel, answersFromParams, guideHref, hasAnswers, type Question, QUESTIONS, question, type Reason, type Recommendation, recommend } from "@/lib/guide";
import { SEED_POST } from "@/lib/seed-post";

export const metadata = { title: "Which login? A selection guide — Login Lab" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Widened once: each question's own tuple type makes `.map` over the union awkward.
const questions: readonly Question[] = QUESTIONS;

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-500";
const secondary = "text-zinc-600 dark:text-zinc-400";
const link = `underline ${focus}`;

/**
 * The selection guide (claims G1, G2): a plain GET form, so it works without JavaScript and its
 * answers live in the URL — the recommendation below is whatever that URL says, and sharing the URL
 * shares it. The logic lives in lib/guide.ts; this page only lays it out.
 */
export default async function GuidePage({ searchParams }: { searchParams: SearchParams }) {
  const answers = answersFromParams(await searchParams);
  const r = hasAnswers(answers) ? recommend(answers, { xssLab: env().labXssEnabled }) : null;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Which login should I use?</h1>
        <p className={`mt-2 ${secondary}`}>
          The post{" "}
          <a href={SEED_POST.url} className={link} lang="ko">
            {SEED_POST.title}
          </a>{" "}
          ends with advice: sessions for server-rendered sites, security-critical services and one server (G1); tokens for SPAs, mobile apps,
          microservices and shared logins across domains (G2). Answer what you know about your system and get one of the three modes of this
          lab, with its reasons — each linked to the place in the app where you can watch it happen — and what it gives up. The answers stay in
          the address, so a recommendation can be shared.
        </p>
      </div>

      {r ? <RecommendationView r={r} answers={answers} /> : null}

      <section aria-labelledby="questions-title" className="flex flex-col gap-3">
        <h2 id="questions-title" className="text-lg font-semibold">
          {r ? "Your answers" : "The questions"}
        </h2>
        <p className={`text-sm ${secondary}`}>Any question can stay unanswered: the guide recommends from what you answer, and says which answers would change it.</p>
        <form method="get" action="/guide" className="flex flex-col gap-4" data-testid="guide-form">
          {questions.map((q) => (
            <fieldset key={q.id} aria-describedby={`q-${q.id}-hint`} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
              <legend className="px-1 font-semibold">{q.text}</legend>
              <p id={`q-${q.id}-hint`} className={`text-sm ${secondary}`}>
                {q.hint}
              </p>
              <div className="mt-3 flex flex-col gap-2">
                {q.answers.map((a) => {
                  const id = `q-${q.id}-${a.id}`;
                  return (
                    <div key={a.id} className="flex items-start gap-2">
                      <input
                        type="radio"
                        id={id}
                        name={q.id}
                        value={a.id}
                        defaultChecked={answers[q.id as keyof Answers] === a.id}
                        aria-describedby={a.hint ? `${id}-hint` : undefined}
                        className={`mt-0.5 h-4 w-4 shrink-0 ${focus}`}
                      />
                      <div className="text-sm">
                        <label htmlFor={id}>{a.label}</label>
                        {a.hint ? (
                          <p id={`${id}-hint`} className={secondary}>
                            {a.hint}
                          </p>
                        ) : null}
                      </div>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className={`rounded-md bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300 ${focus}`}>
              Recommend
            </button>
            {r ? (
              <a href="/guide" className={`text-sm ${link}`}>
                Start over
              </a>
            ) : null}
          </div>
        </form>
      </section>

      <section aria-labelledby="rules-title" className="text-sm text-zinc-700 dark:text-zinc-300">
        <h2 id="rules-title" className="font-semibold">
          How it decides
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            <strong>Something needs a token</strong> when a client has no cookie jar of yours (mobile or desktop apps, third parties, programs), when
            several services check the login on their own, when one login spans several domains, or when the instances share no store.
          </li>
          <li>
            <strong>Nothing needs a token → {MODES.session.title}.</strong> The simpler default: one opaque HttpOnly cookie, and state you can delete,
            so a logout bites on the next request.
          </li>
          <li>
            <strong>A token, and a logout must bite within minutes or a stolen credential costs more than a little → {MODES.hybrid.title}:</strong> a
            short-lived access token and a rotating refresh token (G3).
          </li>
          <li>
            <strong>A token, and expiry is an acceptable end for a low-stakes credential → {MODES.jwt.title}:</strong> stateless, nothing stored per
            login.
          </li>
        </ul>
      </section>
    </div>
  );
}

function ModeName({ mode }: { mode: Recommendation["mode"] }) {
  return <span className={`font-semibold ${MODES[mode].accent.text}`}>{MODES[mode].title}</span>;
}

function ReasonList({ items, testid }: { items: Reason[]; testid: string }) {
  return (
    <ul className="mt-2 flex flex-col gap-3" data-testid={testid}>
      {items.map((x) => (
        <li key={x.text} className="flex gap-3">
          <span className="h-fit shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" data-testid="claim">
            <span className="sr-only">claim </span>
            {x.claim}
          </span>
          <span>
            {x.text} <Demo href={x.demo.href}>{x.demo.label}</Demo>
          </span>
        </li>
      ))}
    </ul>
  );
}

// A plain link, not next/link: the XSS lab must load as a page of its own, with its own policy (proxy.ts).
function Demo({ href, children }: { href: string; children: ReactNode }) {
  return (
    <span className={`whitespace-nowrap ${secondary}`}>
      see:{" "}
      <a href={href} className={link}>
        {children}
      </a>
    </span>
  );
}

function RecommendationView({ r, answers }: { r: Recommendation; answers: Answers }) {
  const m = MODES[r.mode];
  const share = guideHref(answers);
  return (
    <section
      aria-labelledby="recommendation-title"
      data-testid="guide-recommendation"
      data-mode={r.mode}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className={`h-1.5 ${m.accent.bar}`} aria-hidden="true" />
      <div className={`px-5 py-4 ${m.accent.soft}`}>
        <h2 id="recommendation-title" className="text-lg font-semibold">
          Recommended: <span className={m.accent.text} data-testid="guide-mode">{m.title}</span>
        </h2>
        <p className="mt-1 text-sm">{m.tagline}</p>
        <p className={`mt-1 text-sm ${secondary}`} data-testid="guide-answered">
          From {r.answered} of {QUESTIONS.length} answers.{" "}
          <a href={share} className={link} data-testid="guide-share">
            Share this recommendation
          </a>{" "}
          <code className="break-all">{share}</code>
        </p>
      </div>
      <div className="flex flex-col gap-5 px-5 py-4 text-sm">
        <div>
          <h3 className="font-semibold">Why</h3>
          <ReasonList items={r.reasons} testid="guide-reasons" />
        </div>
        <div>
          <h3 className="font-semibold">What it gives up</h3>
          <ReasonList items={r.givesUp} testid="guide-gives-up" />
        </div>
        {r.alsoConsider ? (
          <div data-testid="guide-also" data-mode={r.alsoConsider.mode}>
            <h3 className="font-semibold">
              Also consider: <ModeName mode={r.alsoConsider.mode} />
            </h3>
            <ReasonList items={[r.alsoConsider]} testid="guide-also-reason" />
          </div>
        ) : null}
        {r.answered < QUESTIONS.length ? (
          <div data-testid="guide-open">
            <h3 className="font-semibold">What could change it</h3>
            {r.open.length ? (
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {r.open.map((o) => (
                  <li key={o.question}>
                    {question(o.question).text} —{" "}
                    {o.changes.map((c, i) => (
                      <span key={c.answer}>
                        {i ? "; " : null}
                        &ldquo;{answerLabel(o.question, c.answer)}&rdquo; would make it <ModeName mode={c.mode} />
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            ) : (
              <p className={`mt-2 ${secondary}`}>No single answer to the questions you left open would change it.</p>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
