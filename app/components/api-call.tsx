"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ApiResult } from "@/lib/client/api";

/** A button that calls a protected API and shows the answer: status code and JSON. */
export function ApiCall({ label, call, buttonClass }: { label: string; call: () => Promise<ApiResult>; buttonClass: string }) {
  const [result, setResult] = useState<ApiResult | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("apiCall");
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            setResult(await call());
          } finally {
            setBusy(false);
          }
        }}
        className="self-start rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-mono text-xs text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        {busy ? t("calling") : label}
      </button>
      {result ? (
        <div data-testid="api-result" className="rounded-md border border-zinc-200 text-sm dark:border-zinc-800">
          <div className="flex items-center gap-2 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800">
            <span
              data-testid="api-status"
              className={`rounded px-1.5 py-0.5 font-mono font-semibold ${result.status < 300 ? "bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-300" : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300"}`}
            >
              {result.status}
            </span>
            <span className="text-zinc-600 dark:text-zinc-400">{t("ms", { ms: result.ms })}</span>
            <span className={`ml-auto h-2 w-2 rounded-full ${buttonClass}`} aria-hidden />
          </div>
          {result.wwwAuthenticate ? <p className="px-2 pt-1 font-mono break-words text-zinc-600 dark:text-zinc-400"><code>WWW-Authenticate</code>: {result.wwwAuthenticate}</p> : null}
          <pre className="p-2 font-mono break-words whitespace-pre-wrap">{JSON.stringify(result.body, null, 2)}</pre>
        </div>
      ) : null}
    </div>
  );
}
