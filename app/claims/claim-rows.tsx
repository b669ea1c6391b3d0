"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { type Claim, type ClaimId, type ClaimResult, type Evidence, evidenceValues, type Verdict } from "@/lib/claims-list";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { When } from "@/app/components/when";

const GROUPS: Claim["group"][] = ["session", "token", "choice"];

const TONE: Record<Verdict, string> = {
  holds: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  caveat: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  does_not_hold: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200",
  needs_cluster: "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
};

const button =
  "rounded bg-zinc-800 px-2.5 py-1 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-zinc-200 dark:text-zinc-900 dark:hover:bg-zinc-300";

/** A refused check: the API's status and code, with its message; or what the browser threw. */
type Problem = { id: ClaimId; status: number; code: string; message: string } | { thrown: string };

/** `<code>` in a message: identifiers, commands, paths. */
const code = (c: ReactNode) => <code className="font-mono text-xs">{c}</code>;

/** The claims table: each row's verdict, its evidence, and a button that runs its check again. */
export function ClaimRows({ claims, initial }: { claims: Claim[]; initial: ClaimResult[] }) {
  const t = useTranslations("claimRows");
  const tl = useTranslations("claimsList");
  const [results, setResults] = useState<Partial<Record<ClaimId, ClaimResult>>>(() => Object.fromEntries(initial.map((r) => [r.id, r])));
  const [running, setRunning] = useState<ClaimId | "all" | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const explain = useAuthErrorMessage();

  async function check(id: ClaimId) {
    const res = await fetch("/api/claims/check", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id }) });
    const body = (await res.json()) as ClaimResult | { error: string; message: string };
    if ("verdict" in body) setResults((r) => ({ ...r, [id]: body }));
    else setProblem({ id, status: res.status, code: body.error, message: body.message });
  }

  async function run(which: ClaimId | "all") {
    setRunning(which);
    setProblem(null);
    try {
      for (const c of which === "all" ? claims : claims.filter((x) => x.id === which)) await check(c.id);
    } catch (error) {
      setProblem({ thrown: error instanceof Error ? error.message : String(error) });
    } finally {
      setRunning(null);
    }
  }

  const checked = Object.keys(results).length;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={button} onClick={() => run("all")} disabled={running !== null} data-testid="claims-check-all">
          {running === "all" ? t("checkingAll", { count: claims.length }) : t("checkAll", { count: claims.length })}
        </button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="claims-checked" data-checked={checked}>
          {t("checked", { checked, total: claims.length })}
        </span>
      </div>
      <div aria-live="polite">
        {problem ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {"thrown" in problem
              ? problem.thrown
              : t.rich("problem", {
                  id: problem.id,
                  status: problem.status,
                  error: problem.code,
                  message: problem.code === "checks_busy" ? t("busy") : explain(problem.code, problem.message),
                  code,
                })}
          </p>
        ) : null}
      </div>
      {GROUPS.map((group) => (
        <section key={group} aria-labelledby={`claims-${group}`}>
          <h2 id={`claims-${group}`} className="mb-2 text-lg font-semibold">
            {t(`group.${group}`)}
          </h2>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className="w-12 py-1 pr-2">
                  {t("columnId")}
                </th>
                <th scope="col" className="w-1/3 py-1 pr-2">
                  {t("columnSays")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("columnVerdict")}
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
                        {tl.rich(`says.${c.id}`, { en: (s) => <span lang="en">{s}</span> })}{" "}
                        <Link href={c.demo.href} className="whitespace-nowrap text-zinc-600 underline dark:text-zinc-400">
                          {t("see", { demo: tl(`demo.${c.demo.label}`) })}
                        </Link>
                      </td>
                      <td className="py-2 pr-2">
                        <div className="flex flex-wrap items-center gap-2">
                          {r ? (
                            <span data-testid="claim-verdict" className={`rounded px-1.5 py-0.5 font-medium ${TONE[r.verdict]}`}>
                              {tl(`verdict.${r.verdict}`)}
                            </span>
                          ) : (
                            <span className="text-zinc-600 dark:text-zinc-400">{t("notChecked")}</span>
                          )}
                          <button type="button" className={button} onClick={() => run(c.id)} disabled={running !== null}>
                            {t(running === c.id ? "checking" : r ? "checkAgain" : "check", { id: c.id })}
                          </button>
                          {r ? (
                            <span className="text-xs text-zinc-600 dark:text-zinc-400">{t.rich("checkedAt", { when: () => <When at={r.checkedAt} /> })}</span>
                          ) : null}
                        </div>
                        {r ? (
                          <ul className="mt-1 list-disc pl-5" data-testid="claim-evidence">
                            {r.evidence.map((e, i) => (
                              <li key={i}>
                                <EvidenceLine line={e} />
                              </li>
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

/** One line of a check's evidence, in the visitor's language: its message, with the values measured. */
function EvidenceLine({ line }: { line: Evidence }) {
  const t = useTranslations("claims");
  const tg = useTranslations("guide");
  const explain = useAuthErrorMessage();
  return t.rich(line.key, { ...evidenceValues(line.values, { error: (c) => explain(c, c), guide: (key) => tg(key) }), code });
}
