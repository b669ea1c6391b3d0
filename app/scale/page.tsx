import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { channelStatus } from "@/lib/auth/invalidation";
import { env } from "@/lib/env";
import { cluster } from "@/lib/scale";
import { TrialRunner } from "./trial-runner";
import { PageMessages } from "@/app/components/page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scalePage");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

type Health = { name: string; url: string; kind: string; up: boolean; detail: string };

/** Each process's own /api/health (or /health), asked by this server: what the cluster looks like right now. */
async function healthOf(actors: { name: string; url: string; kind: string }[]): Promise<Health[]> {
  const t = await getTranslations("scalePage");
  return Promise.all(
    actors.map(async (a) => {
      try {
        const res = await fetch(`${a.url}${a.kind === "resource" ? "/health" : "/api/health"}`, { cache: "no-store", signal: AbortSignal.timeout(2_000) });
        const body = (await res.json()) as { sessionStore?: string; invalidation?: { mode: string; usable: boolean; lastLagMs: number | null }; jwks_url?: string };
        const inv = body.invalidation;
        const detail =
          a.kind === "resource"
            ? body.jwks_url
              ? t("resourceTrusts", { jwks: body.jwks_url })
              : t("resourceTrustsAnyJwks")
            : t("instance", {
                store: body.sessionStore === "memory" ? "memory" : "database",
                mode: inv?.mode ?? "?",
                channel: inv?.usable ? (inv.lastLagMs !== null ? "heartbeat" : "listening") : "down",
                lag: inv?.lastLagMs ?? "",
              });
        return { ...a, up: res.ok, detail };
      } catch {
        return { ...a, up: false, detail: t("notAnswering") };
      }
    }),
  );
}

const code = "rounded bg-zinc-100 px-1 font-mono text-sm dark:bg-zinc-800";
const codeTag = (chunks: ReactNode) => <code className={code}>{chunks}</code>;

export default async function ScalePage() {
  const c = cluster();
  const health = c ? await healthOf(c.all) : [];
  const here = channelStatus();
  const t = await getTranslations("scalePage");
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      </div>

      {c ? (
        <>
          <section aria-labelledby="processes" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <h2 id="processes" className="font-semibold">
              {t("processes")}
            </h2>
            <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="scale-processes">
              {health.map((h) => (
                <li key={h.name} data-testid={`process-${h.name}`} data-up={h.up}>
                  <strong>{h.name === c.self.name ? t("thisInstance", { name: h.name }) : h.name}</strong> <code className={code}>{h.url}</code> —{" "}
                  <span className={h.up ? "" : "font-semibold text-red-700 dark:text-red-400"}>{h.up ? h.detail : t("notAnswering")}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              {t.rich("sharedCookies", {
                selfPort: new URL(c.self.url).port,
                otherPort: new URL(c.other.url).port,
                other: c.other.name,
                code: codeTag,
                link: (chunks) => (
                  <a className="underline" href={`${c.other.url.replace("127.0.0.1", "localhost")}/session/mypage`}>
                    {chunks}
                  </a>
                ),
              })}
            </p>
          </section>
          <PageMessages page="scale">
            <TrialRunner self={c.self.name} other={c.other.name} hasResource={Boolean(c.resource)} sessionStore={env().SESSION_STORE} />
          </PageMessages>
        </>
      ) : (
        <section aria-labelledby="start" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/30" data-testid="scale-not-running">
          <h2 id="start" className="font-semibold">
            {t("alone")}
          </h2>
          <p className="mt-2 text-sm">{t.rich("start", { code: codeTag })}</p>
          <p className="mt-2 text-sm">{t.rich("ownInvalidation", { mode: here.mode, usable: here.usable ? "yes" : "no", code: codeTag })}</p>
        </section>
      )}

      <section aria-labelledby="how" className="text-sm text-zinc-700 dark:text-zinc-300">
        <h2 id="how" className="font-semibold">
          {t("howTitle")}
        </h2>
        <p className="mt-2">{t.rich("how", { code: codeTag })}</p>
        <p className="mt-2">
          {t.rich("measured", {
            code: codeTag,
            link: (chunks) => (
              <Link href="/compare" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
    </div>
  );
}
