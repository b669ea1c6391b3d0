"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { COOKIE_FORGERIES, type CookieForgery, TOKEN_FORGERIES, type TokenForgery } from "@/lib/auth/forge-kinds";
import { callApi, errorCode } from "@/lib/client/api";
import { readStoredJwt } from "@/lib/client/jwt-store";
import { code } from "@/app/components/rich-tags";

/** Each forgery's button label is a message (`forgeLab.kinds.<kind>`). */
type Kind = TokenForgery | CookieForgery;

type Row = { status: number | null; code: string | null };
const json = { "content-type": "application/json" };

/** One click per forgery: it is sent for real, and the refusal and its reason are shown. */
export function ForgeLab() {
  const [rows, setRows] = useState<Partial<Record<Kind, Row>>>({});
  const [note, setNote] = useState<string | null>(null);
  const t = useTranslations("forgeLab");
  const put = (kind: Kind, row: Row) => setRows((r) => ({ ...r, [kind]: row }));
  const label = (kind: Kind) => t.rich(`kinds.${kind}`, { code });
  /** The timeline's name for the request: the label as plain text. */
  const timelineLabel = (kind: Kind) => t("timelineLabel", { label: t.markup(`kinds.${kind}`, { code: (chunks) => chunks }) });

  const forgeToken = async (kind: Kind) => {
    const token = readStoredJwt();
    if (!token) {
      // No token in localStorage: the JWT panel may keep it in its HttpOnly cookie, which this page
      // cannot read — then the server forges the cookie's token and presents the forgery as that cookie.
      const r = await callApi("/api/lab/forge", { method: "POST", headers: json, body: JSON.stringify({ kind, from: "jwt_cookie" }) }, "jwt", timelineLabel(kind));
      const b = r.body as { status?: number; error?: string; reason?: string | null };
      if (r.status === 401) return setNote(t("logInFirst"));
      setNote(t("fromCookie"));
      return put(kind, { status: b.status ?? r.status, code: b.reason && b.reason !== b.error ? `${b.error} (${b.reason})` : (b.error ?? errorCode(r)) });
    }
    setNote(null);
    const made = await callApi("/api/lab/forge", { method: "POST", headers: json, body: JSON.stringify({ kind, token }) });
    const forged = (made.body as { forged?: string }).forged;
    if (!forged) return put(kind, { status: made.status, code: errorCode(made) });
    const r = await callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${forged}` } }, "jwt", timelineLabel(kind));
    put(kind, { status: r.status, code: errorCode(r) });
  };
  const forgeCookie = async (kind: Kind) => {
    const r = await callApi("/api/lab/forge", { method: "POST", headers: json, body: JSON.stringify({ kind }) }, "session", timelineLabel(kind));
    const b = r.body as { status?: number; error?: string };
    put(kind, { status: b.status ?? r.status, code: b.error ?? errorCode(r) });
  };

  const button = "rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <section aria-labelledby="forge-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header>
        <h2 id="forge-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      </header>
      <div className="flex flex-wrap gap-2">
        {TOKEN_FORGERIES.map((kind) => (
          <button key={kind} type="button" className={button} onClick={() => forgeToken(kind)}>
            {label(kind)}
          </button>
        ))}
        {COOKIE_FORGERIES.map((kind) => (
          <button key={kind} type="button" className={button} onClick={() => forgeCookie(kind)}>
            {label(kind)}
          </button>
        ))}
      </div>
      {note ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{note}</p> : null}
      {Object.keys(rows).length ? (
        <ul data-testid="forge-results" className="grid grid-cols-1 gap-1 font-mono text-xs sm:grid-cols-2">
          {(Object.entries(rows) as [Kind, Row][]).map(([kind, r]) => (
            <li key={kind} data-testid={`forge-${kind}`} className={r.status === 200 ? "text-red-700" : "text-green-700 dark:text-green-400"}>
              {label(kind)}: {r.status} {r.code}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
