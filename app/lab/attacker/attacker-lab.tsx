"use client";

import { useCallback, useEffect, useState } from "react";
import type { Arrival } from "./arrival";

/** The other origin of the same server: localhost ↔ 127.0.0.1 are different sites to a browser. */
function victimOrigin(): string {
  const url = new URL(window.location.href);
  url.hostname = url.hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";
  return url.origin;
}

/** `logKey`: which arrival log is this browser's (null without a lab cookie: then nothing is sent). */
export function AttackerLab({ logKey }: { logKey: string | null }) {
  const [victim, setVictim] = useState<string | null>(null);
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  const [fetchResult, setFetchResult] = useState<string | null>(null);
  const target = victim && logKey ? `${victim}/api/lab/csrf-target?log=${encodeURIComponent(logKey)}` : null;
  const load = useCallback(async () => {
    const r = await fetch("/api/lab/csrf-target", { cache: "no-store" });
    setArrivals(((await r.json()) as { arrivals: Arrival[] }).arrivals);
  }, []);
  useEffect(() => {
    setVictim(victimOrigin());
    void load();
    const t = setInterval(load, 1000);
    return () => clearInterval(t);
  }, [load]);

  const button = "rounded-md border border-red-300 px-3 py-1.5 text-sm hover:bg-red-50 dark:border-red-800 dark:hover:bg-red-950/40";
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Cross-site lab: an attacker&apos;s page</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        This page plays a site you visit while logged in to Login Lab. It attacks <code className="font-mono" data-testid="victim-origin">{victim}</code>, the
        other name of this same server — a different site to your browser. Log in on the panels there first.{" "}
        {victim ? (
          <>
            Logged in here instead? Then{" "}
            <a href={`${victim}/lab/attacker`} className="underline">
              open this page at {victim}
            </a>
            , and it will attack this address.
          </>
        ) : null}
      </p>
      <div className="flex flex-wrap gap-2">
        {target ? (
          <form method="POST" action={target} target="csrf-frame">
            <button type="submit" className={button}>
              1 · Cross-site form POST
            </button>
          </form>
        ) : null}
        <button
          type="button"
          className={button}
          disabled={!target}
          onClick={async () => {
            if (target) await fetch(target, { method: "POST", mode: "no-cors", credentials: "include" });
          }}
        >
          2 · Cross-site fetch with credentials
        </button>
        <button
          type="button"
          className={button}
          onClick={async () => {
            try {
              const r = await fetch(`${victim}/api/session/mypage`, { credentials: "include" });
              setFetchResult(`read ${r.status}: ${await r.text()}`);
            } catch (error) {
              setFetchResult(`blocked: ${(error as Error).message} — no Access-Control-Allow-Origin, so this script may not read the answer`);
            }
          }}
        >
          3 · Read the victim&apos;s /api/session/mypage
        </button>
      </div>
      {logKey ? null : (
        <p role="alert" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          This browser has no lab cookie yet, so there is no log to record into: reload the page (with cookies allowed).
        </p>
      )}
      <iframe name="csrf-frame" title="form target" className="h-0 w-0 border-0" />
      {fetchResult ? (
        <p data-testid="cors-result" className="rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">
          {fetchResult}
        </p>
      ) : null}
      <section className="flex flex-col gap-2">
        <h2 className="font-semibold">What arrived at the victim (its own log)</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This log is only yours: the requests above name it by <code className="font-mono">?log=…</code>, a key derived from this browser&apos;s own
          lab cookie, and only that cookie can read or clear it.
        </p>
        <ul data-testid="arrivals" className="flex flex-col gap-1 font-mono text-xs">
          {arrivals.map((a, i) => (
            <li key={`${arrivals.length - i}`} data-testid="arrival">
              {a.method} from {a.origin ?? "(no Origin)"} · Sec-Fetch-Site: {a.secFetchSite ?? "—"} · login cookies:{" "}
              <strong data-testid="arrival-cookies">{a.cookies.length ? a.cookies.join(", ") : "none"}</strong> · Authorization: {a.authorization ? "yes" : "none"}
            </li>
          ))}
        </ul>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          SameSite=Lax keeps the session cookie — and the JWT cookie, when the JWT panel keeps its token in a cookie — off cross-site POSTs and
          fetches (they still ride along when you follow a link to the site — that is what Lax allows); the refresh cookie is Strict. A JWT in a
          cookie is sent by the browser like a session cookie, so SameSite matters for it exactly as for a session. No browser ever adds an
          Authorization header by itself, so a Bearer token from localStorage cannot be sent from here at all. And Login Lab&apos;s own state-changing routes and server actions refuse a foreign Origin anyway.
        </p>
      </section>
    </div>
  );
}
