"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Mode } from "@/lib/client/modes";
import { type TimelineEntry, useEntryText } from "@/lib/client/timeline";
import { SCROLL_REGION } from "@/app/components/controls";
import { code } from "@/app/components/rich-tags";
import { FlowDiagram } from "@/app/components/flow-diagram";
import { Section } from "@/app/components/section";
import type { JwtTransport } from "@/lib/jwt-transport";

const statusClass = (s: number | null) =>
  s === null
    ? "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
    : s < 300
      ? "bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-300"
      : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300";

function Row({ e }: { e: TimelineEntry }) {
  const t = useTranslations("timelineRows");
  const format = useFormatter();
  const entryText = useEntryText();
  const { label, path } = entryText(e);
  // Server-Timing durations, to the microsecond.
  const ms3 = (ms: number) => format.number(ms, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return (
    <li data-testid="timeline-entry" className="border-b border-zinc-200 py-1.5 last:border-0 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <span data-testid="timeline-status" className={`rounded px-1.5 font-mono text-[11px] font-semibold ${statusClass(e.verdict ? null : e.status)}`}>
          {e.status ?? "—"}
        </span>
        {e.verdict ? (
          <span data-testid="timeline-verdict" data-accepted={e.verdict.accepted} className={`rounded px-1.5 text-sm font-semibold ${e.verdict.accepted ? "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200" : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300"}`}>
            {e.verdict.accepted ? t("accepted") : t("refused")}
          </span>
        ) : null}
        <span className="min-w-0 truncate font-mono text-[11px]">
          {e.method} {path}
        </span>
        {label ? <span className="text-sm text-zinc-600 dark:text-zinc-400">{label}</span> : null}
        <span className="ml-auto shrink-0 text-sm text-zinc-600 dark:text-zinc-400">{e.ms === null ? "" : t("ms", { ms: format.number(e.ms) })}</span>
      </div>
      <ul className="mt-0.5 pl-1 text-sm text-zinc-600 dark:text-zinc-400">
        {e.credentials.length === 0 && e.received ? <li data-testid="timeline-credential">{t("noCredential")}</li> : null}
        {e.credentials.map((c) => (
          <li key={c.name} data-testid="timeline-credential" data-kind={c.kind} data-bytes={c.bytes}>
            <code className="font-mono">{c.kind === "cookie" ? `Cookie ${c.name}` : "Authorization"}</code> ·{" "}
            {c.by === "browser" ? t("byBrowser") : t("byScript")} · <strong data-testid="credential-bytes">{format.number(c.bytes)} B</strong>{" "}
            <span data-testid="credential-counts">{c.kind === "cookie" ? t.rich("countsCookie", { name: c.name, code }) : t.rich("countsAuthorization", { code })}</span>
            {c.unused ? <span className="text-zinc-600 dark:text-zinc-400"> · {t("unused")}</span> : null}
          </li>
        ))}
        {e.received && e.received.cookieHeaderBytes > 0 ? (
          <li>
            {t.rich("cookieHeader", {
              bytes: format.number(e.received.cookieHeaderBytes),
              size: (c) => <span data-testid="cookie-header-bytes">{c}</span>,
            })}
          </li>
        ) : null}
        {e.timing?.verify ? (
          <li data-testid="timeline-verify" data-verify={e.timing.verify}>
            {e.timing.verify === "remembered" ? t("verifyRemembered") : t("verifyFull")}
          </li>
        ) : null}
        {e.timing && e.refusedBy !== "guard" ? (
          <li data-testid="timeline-timing" data-lookups={e.timing.queries + e.timing.cached}>
            {t("serverAuth", { ms: e.timing.authMs === null ? "" : ms3(e.timing.authMs) })}
            {e.timing.dbMs !== null ? ` · ${t("storeMs", { ms: ms3(e.timing.dbMs) })}` : ""} ·{" "}
            <span data-testid="timeline-queries">{t("queries", { count: e.timing.queries })}</span>
            {e.timing.cached > 0 ? (
              <span data-testid="timeline-cached">
                {" "}
                · {t("cached", { count: e.timing.cached })}
              </span>
            ) : null}
          </li>
        ) : null}
        {e.verdict ? (
          <li data-testid="timeline-verdict-detail">
            {t.rich("verdictDetail", {
              verdict: e.verdict.accepted ? "accepted" : "refused",
              reason: e.verdict.code ?? "",
              code: (c) => <code className="rounded bg-red-100 px-1 font-mono text-red-800 dark:bg-red-900/50 dark:text-red-300">{c}</code>,
            })}
          </li>
        ) : null}
        {e.code && !e.verdict ? (
          <li data-testid="timeline-refusal" data-refused-by={e.refusedBy ?? ""} className="text-red-700 dark:text-red-400">
            {e.refusedBy ? (
              <span>
                {e.timing?.guardMs != null ? t("refusedIn", { refused: t(`refusedBy.${e.refusedBy}`), ms: ms3(e.timing.guardMs) }) : t(`refusedBy.${e.refusedBy}`)}:{" "}
              </span>
            ) : null}
            <span className="font-mono">{e.code}</span>
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** The entries of a panel's timeline, newest first (app/components/timeline.tsx). */
/**
 * The "Requests" section's content, loaded when it is opened: the mode's flow — browser · server ·
 * store — lit up by this panel's requests, then the requests themselves, newest first.
 */
export function TimelineBody({ mode, entries, jwtTransport }: { mode: Mode; entries: TimelineEntry[]; jwtTransport?: JwtTransport }) {
  const t = useTranslations("timelineRows");
  return (
    <>
      {/* Closed until opened (and remembered), like the panel's other sections: opening "Requests" must not push the page below it down by a whole diagram. */}
      <Section id={`${mode}-flow`} title={t("flowSection")}>
        <FlowDiagram mode={mode} jwtTransport={jwtTransport} />
      </Section>
      {entries.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p> : <TimelineRows mode={mode} entries={entries} />}
    </>
  );
}

function TimelineRows({ mode, entries }: { mode: Mode; entries: TimelineEntry[] }) {
  const t = useTranslations("timelineRows");
  return (
    <ol tabIndex={0} aria-label={t("listLabel", { mode })} className={`max-h-96 pr-1 ${SCROLL_REGION}`}>
      {entries.map((e) => (
        <Row key={e.id} e={e} />
      ))}
    </ol>
  );
}
