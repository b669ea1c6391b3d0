"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { Arrival } from "./arrival";
import { code } from "@/app/components/rich-tags";

/** The other origin of the same server: localhost ↔ 127.0.0.1 are different sites to a browser. */
function victimOrigin(): string {
  const url = new URL(window.location.href);
  url.hostname = url.hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";
  return url.origin;
}

/** `logKey`: which arrival log is this browser's (null without a lab cookie: then nothing is sent). */
export function AttackerLab({ logKey }: { logKey: string | null }) {
  const [victim, setVictim] = useState<string | null>(null);
  const [here, setHere] = useState<string | null>(null);
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  const [fetchResult, setFetchResult] = useState<string | null>(null);
  const t = useTranslations("attackerLab");
  const target = victim && logKey ? `${victim}/api/lab/csrf-target?log=${encodeURIComponent(logKey)}` : null;
  const load = useCallback(async () => {
    const r = await fetch("/api/lab/csrf-target", { cache: "no-store" });
    setArrivals(((await r.json()) as { arrivals: Arrival[] }).arrivals);
  }, []);
  useEffect(() => {
    setVictim(victimOrigin());
    setHere(window.location.origin);
    void load();
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, [load]);

  const button = "rounded-md border border-red-300 px-3 py-1.5 text-sm hover:bg-red-50 dark:border-red-800 dark:hover:bg-red-950/40";
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        {t.rich("intro", {
          victim: victim ?? "",
          origin: (chunks) => (
            <code className="font-mono" data-testid="victim-origin">
              {chunks}
            </code>
          ),
        })}
      </p>
      {victim && here ? (
        <>
          <ol data-testid="attacker-steps" className="flex list-none flex-col gap-1 text-zinc-700 dark:text-zinc-300">
            <li data-testid="attacker-step-1">
              {t.rich("step1", {
                victim,
                link: (chunks) => (
                  <a href={`${victim}/`} className="font-mono underline">
                    {chunks}
                  </a>
                ),
              })}
            </li>
            <li data-testid="attacker-step-2">{t("step2", { victim, here })}</li>
          </ol>
          <p data-testid="attacker-other-origin" className="text-sm text-zinc-600 dark:text-zinc-400">
            {t.rich("otherOrigin", {
              victim,
              here,
              code,
              link: (chunks) => (
                <a href={`${victim}/lab/attacker`} className="underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {target ? (
          <form method="POST" action={target} target="csrf-frame">
            <button type="submit" className={button}>
              {t("formPost")}
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
          {t.rich("fetchWithCredentials", { code })}
        </button>
        <button
          type="button"
          className={button}
          onClick={async () => {
            try {
              const r = await fetch(`${victim}/api/session/mypage`, { credentials: "include" });
              setFetchResult(t("read", { status: r.status, body: await r.text() }));
            } catch (error) {
              setFetchResult(t("blocked", { error: (error as Error).message }));
            }
          }}
        >
          {t.rich("readVictim", { code })}
        </button>
      </div>
      {logKey ? null : (
        <p role="alert" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {t("noLabCookie")}
        </p>
      )}
      <iframe name="csrf-frame" title={t("frameTitle")} className="h-0 w-0 border-0" />
      {fetchResult ? (
        <p data-testid="cors-result" className="rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">
          {fetchResult}
        </p>
      ) : null}
      <section className="flex flex-col gap-2">
        <h2 className="font-semibold">{t("arrivedTitle")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.rich("logIsYours", { code })}</p>
        <ul data-testid="arrivals" className="flex flex-col gap-1 font-mono text-xs">
          {arrivals.map((a, i) => (
            <li key={`${arrivals.length - i}`} data-testid="arrival">
              {t.rich("arrival", {
                method: a.method,
                origin: a.origin ?? t("noOrigin"),
                site: a.secFetchSite ?? "—",
                cookies: a.cookies.length ? a.cookies.join(", ") : t("none"),
                authorization: a.authorization ? t("yes") : t("none"),
                code,
                strong: (chunks) => <strong data-testid="arrival-cookies">{chunks}</strong>,
              })}
            </li>
          ))}
        </ul>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.rich("sameSite", { code })}</p>
      </section>
    </div>
  );
}
