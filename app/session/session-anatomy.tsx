"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/lib/client/api";
import { code, strong } from "@/app/components/rich-tags";

/** What GET /api/session/inspect answers that this view shows (its `storedAs.note` is said by a message here). */
type Inspect = { cookie: { name: string; value: string; bytes: number }; unsealed: { t: string }; storedAs: { id: string } };

/**
 * The session cookie as the browser holds it. Page script cannot read an HttpOnly cookie, so the
 * server hands it back — only to the session's owner — with what it unseals from it.
 */
export function SessionAnatomy() {
  const t = useTranslations("sessionAnatomy");
  const [data, setData] = useState<Inspect | null>(null);
  return (
    <div className="flex flex-col gap-2 text-sm">
      <button
        type="button"
        onClick={async () => {
          const r = await callApi("/api/session/inspect", {}, "session", t("inspectAction"));
          if (r.status === 200) setData(r.body as Inspect);
        }}
        className="self-start rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t("show")}
      </button>
      {data ? (
        <div data-testid="session-anatomy" className="flex flex-col gap-1.5">
          <div className="flex items-start gap-2">
            <code className="min-w-0 flex-1 font-mono break-all text-zinc-700 dark:text-zinc-300">
              {data.cookie.name}={data.cookie.value}
            </code>
          </div>
          <p>{t.rich("shortened", { bytes: String(data.cookie.bytes), name: data.cookie.name, strong, code })}</p>
          <p>{t.rich("unsealed", { unsealed: JSON.stringify(data.unsealed), id: data.storedAs.id, code })}</p>
        </div>
      ) : null}
    </div>
  );
}
