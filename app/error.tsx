"use client";

import { useTranslations } from "next-intl";

/** An unexpected failure while rendering a page: said plainly, with a way to try again. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div role="alert" className="max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
        {t("retry")}
      </button>
    </div>
  );
}
