"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type Arrow, credentialBytes, flowOf, type Lane, latestPerStep } from "@/lib/client/flow";
import type { JwtTransport } from "@/lib/jwt-transport";
import type { Mode } from "@/lib/client/modes";
import { useTimeline } from "@/lib/client/timeline";
import { When } from "./when";

const LANES: Lane[] = ["browser", "server", "store"];

/**
 * One small sequence diagram per step: three lanes, one arrow per message. A step lights up once
 * this panel has made that request, with the answer's real status and the credential bytes it
 * carried; the newest step is marked.
 */
export function FlowDiagram({ mode, jwtTransport }: { mode: Mode; jwtTransport?: JwtTransport }) {
  const t = useTranslations("flow");
  const format = useFormatter();
  const entries = useTimeline(mode);
  const latest = latestPerStep(entries);
  const newest = entries.find((e) => Object.values(latest).includes(e));
  return (
    <ol className="flex flex-col gap-2" data-testid={`flow-${mode}`} data-transport={mode === "jwt" ? (jwtTransport ?? "bearer") : undefined}>
      {flowOf(mode, jwtTransport).map((step) => {
        const e = latest[step.id];
        const refused = e && (e.status === null ? Boolean(e.code) : e.status >= 400);
        const lit = e ? (refused ? "border-red-400 bg-red-50 dark:border-red-700 dark:bg-red-950/30" : "border-emerald-500 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/30") : "border-zinc-200 dark:border-zinc-800";
        return (
          <li key={step.id} data-testid={`flow-step-${step.id}`} data-lit={Boolean(e)} data-status={e?.status ?? ""} className={`rounded border p-2 ${lit} ${e && e === newest ? "ring-2 ring-zinc-500" : ""}`}>
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-semibold">{t(`steps.${step.id}`)}</span>
              {e ? (
                <span className="text-xs" data-testid="flow-step-seen">
                  {e.status !== null ? t("answered", { status: e.status }) : t("doneInBrowser")}
                  {e.code ? ` ${e.code}` : ""}
                  {credentialBytes(e) > 0 ? ` · ${t("credentialsSent", { bytes: format.number(credentialBytes(e)) })}` : ""} · <When at={e.at} />
                  {e === newest ? ` · ${t("latest")}` : ""}
                </span>
              ) : (
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("notYet")}</span>
              )}
            </div>
            <div className="mt-1 grid grid-cols-3 gap-x-2 text-center text-xs font-semibold text-zinc-600 dark:text-zinc-400" aria-hidden="true">
              {LANES.map((l) => (
                <span key={l}>{t(`lanes.${l}`)}</span>
              ))}
            </div>
            <ul className="mt-0.5 flex flex-col gap-0.5 text-xs">
              {step.arrows.map((a) => (
                <li key={a.message} className="grid grid-cols-3 items-center gap-x-2">
                  <ArrowRow arrow={a} />
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

/** Grid placement by [first lane][last lane], spelled out so that Tailwind generates each class. */
const SPAN: Record<number, Record<number, string>> = {
  0: { 0: "col-start-1 col-span-1", 1: "col-start-1 col-span-2", 2: "col-start-1 col-span-3" },
  1: { 1: "col-start-2 col-span-1", 2: "col-start-2 col-span-2" },
  2: { 2: "col-start-3 col-span-1" },
};

/** The message spans its lanes; its direction reads both in the picture and to a screen reader. */
function ArrowRow({ arrow }: { arrow: Arrow }) {
  const t = useTranslations("flow");
  const [a, b] = [LANES.indexOf(arrow.from), LANES.indexOf(arrow.to)];
  const [start, end] = [Math.min(a, b), Math.max(a, b)];
  const direction = a === b ? "↻" : a < b ? "→" : "←";
  const [from, to] = [t(`lanes.${arrow.from}`), t(`lanes.${arrow.to}`)];
  const label = a === b ? t("byItself", { lane: from }) : `${from} ${direction} ${to}`;
  return (
    <span className={`${SPAN[start][end]} rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800`}>
      <span className="sr-only">{label}: </span>
      <span aria-hidden="true" className="font-mono">
        {a === b ? "↻ " : a < b ? "" : "← "}
      </span>
      {t(`arrows.${arrow.message}`)}
      <span aria-hidden="true" className="font-mono">
        {a < b ? " →" : ""}
      </span>
    </span>
  );
}
