"use client";

import { useState } from "react";
import type { Jsonify } from "@/lib/client/json";
import type { TrialName, TrialResult } from "@/lib/scale";

type Result = Jsonify<TrialResult>;

const TRIAL_LABELS: Record<TrialName, { label: string; claims: string; what: string }> = {
  session: { label: "Session, shared store", claims: "S7 with a shared store", what: "log in on {self}, use it on {other}, log out on {self}: how soon does {other} refuse?" },
  "session-memory": { label: "Session, per-instance memory", claims: "S7", what: "the row stays in {self}'s memory: {other} cannot serve the session" },
  jwt: { label: "JWT", claims: "T4, T6, T7, T8", what: "{other} and the resource service verify with the public key; a logout stops neither" },
  "jwt-revocable": { label: "JWT with deny-list", claims: "T8 and its price", what: "the deny-list stops the token on the instances, not on the resource service" },
  hybrid: { label: "Hybrid", claims: "T10, T11", what: "refresh on {other}, revoke the family on {self}: refresh stops at once, the access token lives out its exp" },
};

const fill = (text: string, self: string, other: string) => text.replaceAll("{self}", self).replaceAll("{other}", other);

/** The trial buttons and the steps of the latest trial, as a table of real requests. */
export function TrialRunner({ self, other, hasResource, sessionStore }: { self: string; other: string; hasResource: boolean; sessionStore: string }) {
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
        Run a trial
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Each trial logs in with fresh credentials of a demo user, sends the requests below and logs out what it created.
        {sessionStore === "memory" ? " These instances keep every session in memory (SESSION_STORE=memory)." : ""}
        {hasResource ? "" : " The resource service is not configured (RESOURCE_URL): its steps are left out."}
      </p>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        {(Object.keys(TRIAL_LABELS) as TrialName[]).map((t) => (
          <li key={t} className="flex flex-col gap-1 rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <button
              type="button"
              onClick={() => run(t)}
              disabled={running !== null}
              aria-describedby={`trial-${t}-what`}
              className="self-start rounded bg-zinc-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-zinc-200 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              {running === t ? "Running…" : `Run: ${TRIAL_LABELS[t].label}`}
            </button>
            <span id={`trial-${t}-what`} className="text-sm text-zinc-600 dark:text-zinc-400">
              {TRIAL_LABELS[t].claims}: {fill(TRIAL_LABELS[t].what, self, other)}
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
  return (
    <div data-testid="trial-result" data-trial={result.trial}>
      <p className="text-sm font-medium" data-testid="trial-summary">
        {result.summary}
      </p>
      {result.propagation ? (
        <p className="text-sm" data-testid="trial-propagation" data-ms={result.propagation.ms} data-attempts={result.propagation.attempts}>
          Propagation: refused <strong>{result.propagation.ms} ms</strong> after the logout&apos;s answer, on request {result.propagation.attempts}.
        </p>
      ) : null}
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">The trial&apos;s requests, in order</caption>
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="py-1 pr-2">
              #
            </th>
            <th scope="col" className="py-1 pr-2">
              Process
            </th>
            <th scope="col" className="py-1 pr-2">
              Request
            </th>
            <th scope="col" className="py-1 pr-2">
              Answer
            </th>
            <th scope="col" className="py-1 pr-2">
              What it shows
            </th>
          </tr>
        </thead>
        <tbody>
          {result.steps.map((s, i) => (
            <tr key={`${i}-${s.request}`} data-testid="trial-step" data-at={s.at} data-status={s.status} data-code={s.code ?? ""} data-as-expected={s.asExpected} className="border-b border-zinc-100 align-top dark:border-zinc-800/60">
              <td className="py-1 pr-2">{i + 1}</td>
              <td className="py-1 pr-2 font-medium">{s.at}</td>
              <td className="py-1 pr-2 font-mono text-xs">{s.request}</td>
              <td className={`py-1 pr-2 ${s.status < 300 ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-400"}`}>
                {s.status < 300 ? "accepted" : "refused"} ({s.status}
                {s.code ? <span className="font-mono"> {s.code}</span> : null}) · {s.ms} ms
                {s.asExpected ? null : <strong> — not what the claim predicts</strong>}
              </td>
              <td className="py-1 pr-2">{s.says}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
