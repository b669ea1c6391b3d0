"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useAuthErrorMessage, useIsAuthErrorCode } from "@/lib/client/auth-errors";
import type { Mode } from "@/lib/client/modes";
import { record } from "@/lib/client/timeline";
import type { RefusedBy } from "@/lib/login-panel";
import { code } from "@/app/components/rich-tags";

/** Navigations this page has already put in a timeline: a re-render must not add another. */
const recorded = new Set<string>();

/**
 * Why a visitor is back on a panel after trying a /mypage: who refused it (the guard or the page),
 * and the reason code. The refused navigation also goes into the panel's timeline, which cannot see
 * navigations by itself.
 */
export function ReturnedBecause({ mode, reason, next, by }: { mode: Mode; reason: string; next: string | null; by: RefusedBy | null }) {
  const t = useTranslations("returnedBecause");
  const explain = useAuthErrorMessage();
  const known = useIsAuthErrorCode()(reason);
  const label = t(by === "guard" ? "timeline.navigation" : "timeline.redirected");
  useEffect(() => {
    const key = `${mode}|${reason}|${next}|${by}|${window.location.search}`;
    if (recorded.has(key)) return;
    recorded.add(key);
    record(mode, {
      label,
      method: "GET",
      path: next ?? `/${mode}/mypage`,
      status: 307,
      ms: null,
      code: reason,
      credentials: [],
      received: null,
      timing: null,
      refusedBy: by,
    });
  }, [mode, reason, next, by, label]);
  return (
    <p role="status" data-testid={`${mode}-returned`} data-refused-by={by ?? ""} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
      {next ? (
        <>
          {t.rich("needs", { path: next, mode, code })}{" "}
        </>
      ) : null}
      {by ? <>{t(`by.${by}`)}: </> : null}
      {known ? explain(reason, "") : t("logInHere")} <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{reason}</code>
    </p>
  );
}
