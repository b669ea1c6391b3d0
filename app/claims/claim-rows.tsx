"use client";

import Link from "next/link";
import { useState } from "react";
import { type Claim, type ClaimId, type ClaimResult, VERDICT_TEXT, type Verdict } from "@/lib/claims-list";
import { When } from "@/app/components/when";

const GROUPS: { group: Claim["group"]; title: string }[] = [
  { group: "session", title: "Session login — the server keeps state" },
  { group: "token", title: "Token login — the token carries the state" },
  { group: "choice", title: "Which to choose" },
];

const TONE: Record<Verdict, string> = {
  holds: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  caveat: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  does_not_hold: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200",
  needs_cluster: "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
};

const button =
  "rounded bg-zinc-800 px-2.5 py-1 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-zinc-200 dark:text-zinc-900 dark:hover:bg-zinc-300";

/** The claims table: each row's verdict, its evidence, and a button that runs its check again. */
export function ClaimRows({ claims, initial }: { claims: Claim[]; initial: ClaimResult[] }) {
  const [results, setResults] = useState<Partial<Record<ClaimId, ClaimResult>>>(() => Object.fromEntries(initial.map((r) => [r.id, r])));
  const [running, setRunning] = useState<ClaimId | "all" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function check(id: ClaimId) {
    const res = await fetch("/api/claims/check", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id }) });
    const body = (await res.json()) as ClaimResult | { error: string; message: string };
    if ("verdict" in body) setResults((r) => ({ ...r, [id]: body }));
    else setProblem(`${id}: ${res.status} ${body.error} — ${body.message}`);
  }

  async function run(which: ClaimId | "all") {
    setRunning(which);
    setProblem(null);
    try {
      for (const c of which === "all" ? claims : claims.filter((x) => x.id === which)) await check(c.id);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(null);
    }
  }

  const checked = Object.keys(results).length;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={button} onClick={() => run("all")} disabled={running !== null}>
          {running === "all" ? "Checking all 22…" : "Check all 22"}
        </button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="claims-checked">
          {checked} of {claims.length} checked on this instance
        </span>
      </div>
      <div aria-live="polite">
        {problem ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        ) : null}
      </div>
      {GROUPS.map(({ group, title }) => (
        <section key={group} aria-labelledby={`claims-${group}`}>
          <h2 id={`claims-${group}`} className="mb-2 text-lg font-semibold">
            {title}
          </h2>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className="w-12 py-1 pr-2">
                  id
                </th>
                <th scope="col" className="w-1/3 py-1 pr-2">
                  The post says
                </th>
                <th scope="col" className="py-1 pr-2">
                  Verdict here, and what was measured
                </th>
              </tr>
            </thead>
            <tbody>
              {claims
                .filter((c) => c.group === group)
                .map((c) => {
                  const r = results[c.id];
                  return (
                    <tr key={c.id} id={`claim-${c.id}`} data-testid={`claim-${c.id}`} data-verdict={r?.verdict ?? ""} className="border-b border-zinc-100 align-top dark:border-zinc-800/60">
                      <th scope="row" className="py-2 pr-2 font-mono">
                        {c.id}
                      </th>
                      <td className="py-2 pr-2">
                        {c.says}{" "}
                        <Link href={c.demo.href} className="whitespace-nowrap text-zinc-600 underline dark:text-zinc-400">
                          see the {c.demo.label}
                        </Link>
                      </td>
                      <td className="py-2 pr-2">
                        <div className="flex flex-wrap items-center gap-2">
                          {r ? (
                            <span data-testid="claim-verdict" className={`rounded px-1.5 py-0.5 font-medium ${TONE[r.verdict]}`}>
                              {VERDICT_TEXT[r.verdict]}
                            </span>
                          ) : (
                            <span className="text-zinc-600 dark:text-zinc-400">not checked yet</span>
                          )}
                          <button type="button" className={button} onClick={() => run(c.id)} disabled={running !== null}>
                            {running === c.id ? `Checking ${c.id}…` : r ? `Check ${c.id} again` : `Check ${c.id}`}
                          </button>
                          {r ? (
                            <span className="text-xs text-zinc-600 dark:text-zinc-400">
                              checked <When at={r.checkedAt} />
                            </span>
                          ) : null}
                        </div>
                        {r ? (
                          <ul className="mt-1 list-disc pl-5" data-testid="claim-evidence">
                            {r.evidence.map((e) => (
                              <li key={e}>{withCode(e)}</li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/** `npm run cluster` in an evidence line, shown as code. */
function withCode(text: string) {
  return text.split("`").map((part, i) =>
    i % 2 ? (
      <code key={i} className="font-mono text-xs">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
