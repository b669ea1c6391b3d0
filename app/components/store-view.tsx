"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { callApi } from "@/lib/client/api";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { useHybrid } from "@/lib/client/hybrid-store";
import { useStoredJwt } from "@/lib/client/jwt-store";
import type { Jsonify } from "@/lib/client/json";
import { useTimeline } from "@/lib/client/timeline";
import type { StoreView as View } from "@/lib/store-view";
import { DeviceName } from "./device-row";
import { type Mode, MODES } from "./modes";
import { When } from "./when";
import { strong } from "@/app/components/rich-tags";

/** GET /api/store, as the browser receives it. */
type Wire = Jsonify<View>;

const STATE_CLASS: Record<string, string> = {
  active: "text-green-700 dark:text-green-400",
  used: "text-zinc-600 dark:text-zinc-400",
  revoked: "text-red-700 dark:text-red-400",
  expired: "text-zinc-600 dark:text-zinc-400",
};

/** What a row says beyond its id, user and state: data, in the page's words. */
function Detail({ row }: { row: Wire[Mode]["latest"][number] }) {
  const t = useTranslations("storeView");
  const id = (chunks: ReactNode) => <code>{chunks}</code>;
  switch (row.kind) {
    case "session": {
      // The revocation reason and the user agent, as stored: data, not words to translate. A
      // simulated device is named in the page's words ("Simulated device 3", "시뮬레이션 기기 3").
      const simulated = row.simulated === null ? null : <DeviceName label={{ kind: "simulated", n: row.simulated }} />;
      return (
        <>
          {row.detail ? <span translate="no">{row.detail}</span> : null}
          {row.detail && simulated ? " · " : null}
          {simulated}
        </>
      );
    }
    case "denied":
      return t.rich("denyListed", { when: () => <When at={row.until} /> });
    case "refresh":
      return row.parent ? t.rich("childOf", { family: row.family, parent: row.parent, id }) : t.rich("firstOfFamily", { family: row.family, id });
  }
}

/** One mode's store; `instead` replaces the list of rows for a mode that keeps none per login. */
function Column({ mode, store, instead, children }: { mode: Mode; store: Wire[Mode]; instead?: string; children?: ReactNode }) {
  const m = MODES[mode];
  const t = useTranslations("storeView");
  const modes = useTranslations("modes");
  const format = useFormatter();
  return (
    <div data-testid={`store-${mode}`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex items-baseline gap-2">
        <h3 className={`font-semibold ${m.accent.text}`}>{modes(`${mode}.title`)}</h3>
        <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{store.table ? <code>{store.table}</code> : t("noTable")}</span>
      </div>
      <p className="text-sm">
        {t.rich("size", {
          rows: store.rows,
          bytes: format.number(store.bytes),
          count: (chunks) => <strong data-testid={`store-${mode}-rows`}>{chunks}</strong>,
          size: (chunks) => <strong data-testid={`store-${mode}-bytes`}>{chunks}</strong>,
        })}
        {store.rows ? <span className="text-zinc-600 dark:text-zinc-400"> {t("perRow", { bytes: store.bytesPerRow })}</span> : null}
      </p>
      {instead ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{instead}</p>
      ) : (
        <ul className="flex flex-col gap-0.5 font-mono text-[11px]">
          {store.latest.map((r) => (
            <li key={r.id} data-testid="store-row" className="flex min-w-0 gap-2">
              <code>{r.id}</code>
              <span>{r.user}</span>
              <span data-testid="store-row-state" className={STATE_CLASS[r.state]}>
                {t(`state.${r.state}`)}
              </span>
              <span className="min-w-0 break-words text-zinc-600 dark:text-zinc-400">
                <Detail row={r} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** The server's side: what each mode stores, live, growing with every login (S3, T2). */
export function StoreView() {
  const [view, setView] = useState<Wire | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const t = useTranslations("storeView");
  const explain = useAuthErrorMessage();
  const activity = useTimeline("session").length + useTimeline("jwt").length + useTimeline("hybrid").length;
  // The server shows rows only of the users this page is logged in as: the session cookie goes by
  // itself; an access token must be added — the hybrid one while it is fresh, else the JWT.
  const hybrid = useHybrid();
  const jwt = useStoredJwt();
  const bearer = hybrid.status === "in" && hybrid.exp * 1000 > Date.now() ? hybrid.accessToken : (jwt ?? null);
  const load = useCallback(async () => {
    const r = await callApi("/api/store", bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {});
    if (r.status === 200) setView(r.body as Wire);
  }, [bearer]);
  useEffect(() => {
    void load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load, activity]);

  return (
    <section aria-labelledby="store-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header>
        <h2 id="store-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        {view ? (
          <p data-testid="store-yours" className="text-sm text-zinc-600 dark:text-zinc-400">
            {view.yours.length ? t.rich("yours", { names: view.yours.join(", "), strong }) : t("logInToSeeYours")}
          </p>
        ) : null}
      </header>
      {view ? (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
          <Column mode="session" store={view.session}>
            <button
              type="button"
              onClick={async () => {
                const r = await callApi("/api/session/devices/simulate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 10 }) }, "session", t("simulateTimelineLabel"));
                const body = r.body as { created?: number; error?: string; message?: string; detail?: unknown } | null;
                // A 429 says why (at most so many an hour); any other refusal means no session.
                setNote(r.status === 200 ? t("simulated", { created: body?.created ?? 0 }) : r.status === 429 && body?.error ? explain(body.error, body.message ?? "", body.detail) : t("simulateLogInFirst"));
                await load();
              }}
              className="self-start rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              {t("simulate")}
            </button>
            {note ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {note} {t("eachLogin")}
              </p>
            ) : null}
          </Column>
          <Column
            mode="jwt"
            store={view.jwt}
            instead={view.jwt.rows === 0 ? t("jwtStoresNothing") : undefined}
          >
            {view.jwt.rows > 0 ? (
              <p data-testid="store-jwt-denylist" className="text-sm text-zinc-600 dark:text-zinc-400">
                {t("jwtDenyList")}
              </p>
            ) : null}
          </Column>
          <Column mode="hybrid" store={view.hybrid} />
        </div>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("loading")}</p>
      )}
    </section>
  );
}
