"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Jsonify } from "@/lib/client/json";
import type { TrialName, TrialResult } from "@/lib/scale";
import { strong } from "@/app/components/rich-tags";

type Result = Jsonify<TrialResult>;

/** Each trial's messages (`trialRunner.trials.<key>`: its button label, the claims it checks and what it shows), in button order. */
const TRIAL_MESSAGES = { session: "session", "session-memory": "sessionMemory", jwt: "jwt", "jwt-revocable": "jwtRevocable", hybrid: "hybrid" } as const satisfies Record<TrialName, string>;

/** The trial buttons and the steps of the latest trial, as a table of real requests. */
export function TrialRunner({ self, other, hasResource, sessionStore }: { self: string; other: string; hasResource: boolean; sessionStore: string }) {
  const t = useTranslations("trialRunner");
  const [running, setRunning] = useState<TrialName | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(trial: TrialName) {
    setRunning(trial);
    setProblem(null);
    try {
      const res = await fetch("/api/scale/trial", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ trial }) });
      const body = (await res.json()) as Result | { error: string; message: string };
      if ("steps" in body) setResult(body);
      else setProblem(`${res.status} ${body.error}: ${body.message}`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(null);
    }
  }

  return (
    <section aria-labelledby="trials" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="trials" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t("intro")}
        {sessionStore === "memory" ? (
          <>
            {" "}
            {t("memoryStore")}
          </>
        ) : null}
        {hasResource ? null : (
          <>
            {" "}
            {t("noResource")}
          </>
        )}
      </p>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        {(Object.keys(TRIAL_MESSAGES) as TrialName[]).map((trial) => (
          <li key={trial} className="flex flex-col gap-1 rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <button
              type="button"
              onClick={() => run(trial)}
              disabled={running !== null}
              aria-describedby={`trial-${trial}-what`}
              className="self-start rounded bg-zinc-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-zinc-200 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              {running === trial ? t("running") : t("run", { label: t(`trials.${TRIAL_MESSAGES[trial]}.label`) })}
            </button>
            <span id={`trial-${trial}-what`} className="text-sm text-zinc-600 dark:text-zinc-400">
              {t(`trials.${TRIAL_MESSAGES[trial]}.what`, { self, other })}
            </span>
          </li>
        ))}
      </ul>
      <div aria-live="polite" className="mt-4">
        {problem ? (
          <p role="alert" data-testid="trial-problem" className="text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        ) : null}
        {result ? <TrialSteps result={result} /> : null}
      </div>
    </section>
  );
}

function TrialSteps({ result }: { result: Result }) {
  const t = useTranslations("trialRunner");
  const ts = useTranslations("scale");
  return (
    <div data-testid="trial-result" data-trial={result.trial}>
      <p className="text-sm font-medium" data-testid="trial-summary">
        {ts(`summaries.${result.summary.key}`, result.summary.values)}
      </p>
      {result.propagation ? (
        <p className="text-sm" data-testid="trial-propagation" data-ms={result.propagation.ms} data-attempts={result.propagation.attempts}>
          {t.rich("propagation", { ms: result.propagation.ms, attempts: result.propagation.attempts, strong })}
        </p>
      ) : null}
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="py-1 pr-2">
              #
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("process")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("request")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("answer")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("shows")}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.steps.map((s, i) => (
            <tr key={`${i}-${s.request}`} data-testid="trial-step" data-at={s.at} data-status={s.status} data-code={s.code ?? ""} data-as-expected={s.asExpected} className="border-b border-zinc-100 align-top dark:border-zinc-800/60">
              <td className="py-1 pr-2">{i + 1}</td>
              <td className="py-1 pr-2 font-medium">{s.at}</td>
              <td className="py-1 pr-2 font-mono text-xs">
                {s.request}
                {s.note ? ` (${ts(`notes.${s.note}`)})` : null}
              </td>
              <td className={`py-1 pr-2 ${s.status < 300 ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-400"}`}>
                {s.status < 300 ? t("accepted") : t("refused")} ({s.status}
                {s.code ? <span className="font-mono"> {s.code}</span> : null}) · {t("duration", { ms: s.ms })}
                {s.asExpected ? null : <strong> — {t("unexpected")}</strong>}
              </td>
              <td className="py-1 pr-2">{ts(`steps.${s.says.key}`, s.says.values)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
