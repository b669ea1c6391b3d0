"use client";

import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/lib/client/api";
import { useHybrid } from "@/lib/client/hybrid-store";
import { useStoredJwt } from "@/lib/client/jwt-store";
import type { Jsonify } from "@/lib/client/json";
import { useTimeline } from "@/lib/client/timeline";
import type { StoreView as View } from "@/lib/store-view";
import { type Mode, MODES } from "./modes";
import { When } from "./when";

/** GET /api/store, as the browser receives it. */
type Wire = Jsonify<View>;

const STATE_CLASS: Record<string, string> = {
  active: "text-green-700 dark:text-green-400",
  used: "text-zinc-600 dark:text-zinc-400",
  revoked: "text-red-700 dark:text-red-400",
  expired: "text-zinc-600 dark:text-zinc-400",
};

/** One mode's store; `instead` replaces the list of rows for a mode that keeps none per login. */
function Column({ mode, store, instead, children }: { mode: Mode; store: Wire[Mode]; instead?: string; children?: React.ReactNode }) {
  const m = MODES[mode];
  return (
    <div data-testid={`store-${mode}`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex items-baseline gap-2">
        <h3 className={`font-semibold ${m.accent.text}`}>{m.title}</h3>
        <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{store.table ?? "no table"}</span>
      </div>
      <p className="text-sm">
        <strong data-testid={`store-${mode}-rows`}>{store.rows}</strong> {store.rows === 1 ? "row" : "rows"} ·{" "}
        <strong data-testid={`store-${mode}-bytes`}>{store.bytes.toLocaleString("en")}</strong> B
        {store.rows ? <span className="text-zinc-600 dark:text-zinc-400"> (≈{store.bytesPerRow} B a row)</span> : null}
      </p>
      {instead ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{instead}</p>
      ) : (
        <ul className="flex flex-col gap-0.5 font-mono text-[11px]">
          {store.latest.map((r) => (
            <li key={r.id} data-testid="store-row" className="flex min-w-0 gap-2">
              <span>{r.id}</span>
              <span>{r.user}</span>
              <span data-testid="store-row-state" className={STATE_CLASS[r.state]}>
                {r.state}
              </span>
              <span className="min-w-0 break-words text-zinc-600 dark:text-zinc-400">
                {r.detail}
                {r.until ? (
                  <>
                    {" "}
                    <When at={r.until} />
                  </>
                ) : null}
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
    const t = setInterval(load, 5000);
    return () => clearInterval(t);
  }, [load, activity]);

  return (
    <section aria-labelledby="store-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header>
        <h2 id="store-title" className="text-lg font-semibold">
          What the server stores
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Live from the database. Tokens are never stored, only their SHA-256, shown shortened here. Counts and bytes are everyone&apos;s; rows are
          shown only for your own logins.
        </p>
        {view ? (
          <p data-testid="store-yours" className="text-sm text-zinc-600 dark:text-zinc-400">
            {view.yours.length ? (
              <>
                Rows shown: yours, as <strong>{view.yours.join(", ")}</strong>.
              </>
            ) : (
              "Log in on a panel above to see your own rows here."
            )}
          </p>
        ) : null}
      </header>
      {view ? (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
          <Column mode="session" store={view.session}>
            <button
              type="button"
              onClick={async () => {
                const r = await callApi("/api/session/devices/simulate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 10 }) }, "session", "10 more devices");
                setNote(r.status === 200 ? `${(r.body as { created: number }).created} sessions created for you.` : "Log in with Session first: the new devices are yours.");
                await load();
              }}
              className="self-start rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Log in 10 more devices
            </button>
            {note ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{note} Each login is one more row the server keeps until it expires or is revoked.</p> : null}
          </Column>
          <Column
            mode="jwt"
            store={view.jwt}
            instead={
              view.jwt.rows === 0
                ? "Nothing is stored for a JWT login: the token carries everything, and no row means nothing to delete at logout. Only the revocable option writes here: a logged-out revocable token's jti, on the deny-list until its exp."
                : undefined
            }
          >
            {view.jwt.rows > 0 ? (
              <p data-testid="store-jwt-denylist" className="text-sm text-zinc-600 dark:text-zinc-400">
                The deny-list of the revocable option: a logged-out revocable token&apos;s jti, kept until its exp. No row per login — but state is back,
                and every request with a revocable token looks here.
              </p>
            ) : null}
          </Column>
          <Column mode="hybrid" store={view.hybrid} />
        </div>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
      )}
    </section>
  );
}
