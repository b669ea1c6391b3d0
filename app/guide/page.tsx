import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MODES } from "@/app/components/modes";
import { env } from "@/lib/env";
import { type Answers, answerLabel, answersFromParams, guideHref, hasAnswers, type Question, QUESTIONS, question, type Reason, type Recommendation, recommend } from "@/lib/guide";
import { SEED_POST } from "@/lib/seed-post";
import { strong } from "@/app/components/rich-tags";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("guidePage");
  return { title: t("metaTitle") };
}
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
  const t = await getTranslations("guidePage");
  const tq = await getTranslations("guide");
  const tm = await getTranslations("modes");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className={`mt-2 ${secondary}`}>
          {t.rich("intro", {
            title: SEED_POST.title,
            link: (c) => (
              <a href={SEED_POST.url} className={link} lang="ko" translate="no">
                {c}
              </a>
            ),
          })}
        </p>
      </div>

      {r ? <RecommendationView r={r} answers={answers} /> : null}

      <section aria-labelledby="questions-title" className="flex flex-col gap-3">
        <h2 id="questions-title" className="text-lg font-semibold">
          {r ? t("yourAnswers") : t("questionsTitle")}
        </h2>
        <p className={`text-sm ${secondary}`}>{t("unanswered")}</p>
        <form method="get" action="/guide" className="flex flex-col gap-4" data-testid="guide-form">
          {questions.map((q) => (
            <fieldset key={q.id} aria-describedby={`q-${q.id}-hint`} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
              <legend className="px-1 font-semibold">{tq(q.text)}</legend>
              <p id={`q-${q.id}-hint`} className={`text-sm ${secondary}`}>
                {tq(q.hint)}
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
                        <label htmlFor={id}>{tq(a.label)}</label>
                        {a.hint ? (
                          <p id={`${id}-hint`} className={secondary}>
                            {tq(a.hint)}
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
              {t("recommend")}
            </button>
            {r ? (
              <a href="/guide" className={`text-sm ${link}`}>
                {t("startOver")}
              </a>
            ) : null}
          </div>
        </form>
      </section>

      <section aria-labelledby="rules-title" className="text-sm text-zinc-700 dark:text-zinc-300">
        <h2 id="rules-title" className="font-semibold">
          {t("rulesTitle")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t.rich("rules.token", { strong })}</li>
          <li>{t.rich("rules.session", { strong, session: tm("session.title") })}</li>
          <li>{t.rich("rules.hybrid", { strong, hybrid: tm("hybrid.title") })}</li>
          <li>{t.rich("rules.jwt", { strong, jwt: tm("jwt.title") })}</li>
        </ul>
      </section>
    </div>
  );
}

/** A mode's name in its accent: the `<mode>` tag of a message. */
function modeName(mode: Recommendation["mode"]) {
  return (c: ReactNode) => <span className={`font-semibold ${MODES[mode].accent.text}`}>{c}</span>;
}

function ReasonList({ items, testid }: { items: Reason[]; testid: string }) {
  const t = useTranslations("guidePage");
  const tq = useTranslations("guide");
  return (
    <ul className="mt-2 flex flex-col gap-3" data-testid={testid}>
      {items.map((x) => (
        <li key={x.text} className="flex gap-3">
          <span className="h-fit shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" data-testid="claim">
            <span className="sr-only">{t("claim")} </span>
            {x.claim}
          </span>
          <span>
            {tq(x.text)} <Demo href={x.demo.href}>{tq(x.demo.label)}</Demo>
          </span>
        </li>
      ))}
    </ul>
  );
}

// A plain link, not next/link: the XSS lab must load as a page of its own, with its own policy (proxy.ts).
function Demo({ href, children }: { href: string; children: string }) {
  const t = useTranslations("guidePage");
  return (
    <span className={`whitespace-nowrap ${secondary}`}>
      {t.rich("see", {
        label: children,
        link: (c) => (
          <a href={href} className={link}>
            {c}
          </a>
        ),
      })}
    </span>
  );
}

function RecommendationView({ r, answers }: { r: Recommendation; answers: Answers }) {
  const t = useTranslations("guidePage");
  const tq = useTranslations("guide");
  const tm = useTranslations("modes");
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
          {t.rich("recommended", {
            title: tm(`${r.mode}.title`),
            mode: (c) => (
              <span className={m.accent.text} data-testid="guide-mode">
                {c}
              </span>
            ),
          })}
        </h2>
        <p className="mt-1 text-sm" data-testid="guide-tagline">
          {r.tagline ? tq(r.tagline) : tm(`${r.mode}.tagline`)}
        </p>
        <p className={`mt-1 text-sm ${secondary}`} data-testid="guide-answered">
          {t("answered", { answered: r.answered, total: QUESTIONS.length })}{" "}
          <a href={share} className={link} data-testid="guide-share">
            {t("share")}
          </a>{" "}
          <code className="break-all">{share}</code>
        </p>
      </div>
      <div className="flex flex-col gap-5 px-5 py-4 text-sm">
        <div>
          <h3 className="font-semibold">{t("why")}</h3>
          <ReasonList items={r.reasons} testid="guide-reasons" />
        </div>
        <div>
          <h3 className="font-semibold">{t("givesUp")}</h3>
          <ReasonList items={r.givesUp} testid="guide-gives-up" />
        </div>
        {r.alsoConsider ? (
          <div data-testid="guide-also" data-mode={r.alsoConsider.mode}>
            <h3 className="font-semibold">
              {t.rich("alsoConsider", { title: tm(`${r.alsoConsider.mode}.title`), mode: modeName(r.alsoConsider.mode) })}
            </h3>
            <ReasonList items={[r.alsoConsider]} testid="guide-also-reason" />
          </div>
        ) : null}
        {r.answered < QUESTIONS.length ? (
          <div data-testid="guide-open">
            <h3 className="font-semibold">{t("couldChange")}</h3>
            {r.open.length ? (
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {r.open.map((o) => (
                  <li key={o.question}>
                    {tq(question(o.question).text)} —{" "}
                    {o.changes.map((c, i) => (
                      <span key={c.answer}>
                        {i ? "; " : null}
                        {t.rich("wouldMake", { answer: tq(answerLabel(o.question, c.answer)!), title: tm(`${c.mode}.title`), mode: modeName(c.mode) })}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            ) : (
              <p className={`mt-2 ${secondary}`}>{t("noneOpen")}</p>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
