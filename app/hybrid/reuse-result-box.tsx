"use client";

import { useTranslations } from "next-intl";
import { SECONDARY_BUTTON } from "@/app/components/controls";
import { clearReuseResult, type ReuseResult } from "@/lib/client/reuse-result";
import { code, strong } from "@/app/components/rich-tags";

/** The status and code of an answer, as one piece of code ("401 refresh_reused"). */
const answer = (status: number | null, c: string | null) => [status, c].filter((x) => x !== null && x !== "").join(" ");

/**
 * What the reuse lab's replay did, after the refresh chain has gone with the logged-out panel:
 * what the thief got, what the family's revocation did, and what became of this page's own token.
 */
export function ReuseResultBox({ result }: { result: ReuseResult }) {
  const t = useTranslations("reuseResult");
  const { thief, family, page } = result;
  return (
    <div role="status" data-testid="reuse-result" className="flex flex-col gap-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      <p className="font-semibold">{t("title")}</p>
      <p data-testid="reuse-result-thief">
        {thief.accepted ? t("thiefAccepted") : t.rich("thiefRefused", { answer: answer(thief.status, thief.code) || "—", code, strong })}
      </p>
      {family ? (
        <p data-testid="reuse-result-family">
          {family.revoked === family.tokens && family.revoked > 0
            ? t.rich("familyRevoked", { tokens: family.tokens, reason: family.reason ?? "—", code })
            : t.rich("familyPartly", { tokens: family.tokens, revoked: family.revoked })}
        </p>
      ) : null}
      {page ? (
        <p data-testid="reuse-result-page">
          {page.ok ? t.rich("pageAccepted", { answer: answer(page.status, null), code }) : t.rich("pageRefused", { answer: answer(page.status, page.code) || "—", code, strong })}
        </p>
      ) : null}
      <div>
        <button type="button" onClick={clearReuseResult} className={SECONDARY_BUTTON}>
          {t("dismiss")}
        </button>
      </div>
    </div>
  );
}
