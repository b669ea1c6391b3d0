"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { type AccountProblem, requestThrowawayAccount, useThrowawayAccount } from "@/lib/client/demo-account";
import { SECONDARY_BUTTON } from "./controls";
import { Countdown } from "./countdown";
import type { Mode } from "./modes";
import { When } from "./when";

/** The button as a word of a sentence. */
const INLINE_BUTTON =
  "rounded-md border border-zinc-300 px-1.5 py-0 text-sm text-zinc-900 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";

type Status = { tone: "ok" | "error"; text: string; retryAt?: number };

/**
 * "Get a throwaway account": one click asks the server for an account of the visitor's own and
 * fills it into all three login forms (they share it through lib/client/demo-account.ts). In
 * public mode it is the only way in; in a private deployment a choice next to the shared users.
 *
 * The button stays the same element when its label changes, so keyboard focus stays on it; only
 * the panel whose button was pressed announces the result.
 */
export function ThrowawayAccount({ mode, publicMode }: { mode: Mode; publicMode: boolean }) {
  const t = useTranslations("throwawayAccount");
  const tProblem = useTranslations("demoAccount");
  const explain = useAuthErrorMessage();
  const account = useThrowawayAccount();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const problemText = (problem: AccountProblem) =>
    problem.reason === "unreachable" ? tProblem("unreachable") : problem.reason === "status" ? tProblem("answered", { status: problem.status }) : explain(problem.code, problem.message, problem.detail);

  const get = async () => {
    setBusy(true);
    setStatus(null);
    const r = await requestThrowawayAccount();
    setBusy(false);
    setStatus(
      r.ok
        ? { tone: "ok", text: t("created", { username: r.account.username }) }
        : { tone: "error", text: problemText(r.problem), retryAt: r.retryAt },
    );
  };

  const inline = !publicMode && !account;
  const button = (
    <button type="button" onClick={get} disabled={busy} className={`${inline ? INLINE_BUTTON : SECONDARY_BUTTON} disabled:opacity-60`}>
      {busy ? t("creating") : account ? t("getNew") : t("get")}
    </button>
  );
  const result = (
    <>
      <span role="status" className={status?.tone === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}>
        {status?.text}
      </span>
      {status?.retryAt ? <Countdown until={status.retryAt} label={t("tryAgainIn")} /> : null}
    </>
  );
  // Next to the shared demo users, the choice of an account of one's own is a sentence of the same line.
  if (inline) {
    return (
      <span data-testid={`throwaway-${mode}`}>
        {t.rich("privateIntro", { button: () => button })} {result}
      </span>
    );
  }
  return (
    <div data-testid={`throwaway-${mode}`} className="flex flex-col gap-2 rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
      {account ? (
        <p data-testid="throwaway-account">
          {t.rich("yours", {
            username: account.username,
            code: (chunks) => <code className="font-mono text-zinc-900 dark:text-zinc-100">{chunks}</code>,
            when: () => <When at={account.expiresAt} />,
          })}
        </p>
      ) : (
        <p>{t.rich("publicIntro", { strong: (chunks) => <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{chunks}</strong> })}</p>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {button}
        {result}
      </div>
    </div>
  );
}
