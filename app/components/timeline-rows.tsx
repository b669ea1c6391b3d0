"use client";

import type { Mode } from "@/lib/client/modes";
import type { TimelineEntry } from "@/lib/client/timeline";
import { SCROLL_REGION } from "@/app/components/controls";
import { FlowDiagram } from "@/app/components/flow-diagram";
import { Section } from "@/app/components/section";

const statusClass = (s: number | null) =>
  s === null
    ? "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
    : s < 300
      ? "bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-300"
      : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300";

const REFUSED_BY = {
  guard: "refused by the guard (proxy.ts), before the route ran",
  route: "refused by the route",
  page: "refused by the page's own check",
} as const;

function Row({ e }: { e: TimelineEntry }) {
  return (
    <li data-testid="timeline-entry" className="border-b border-zinc-200 py-1.5 last:border-0 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <span data-testid="timeline-status" className={`rounded px-1.5 font-mono text-[11px] font-semibold ${statusClass(e.verdict ? null : e.status)}`}>
          {e.status ?? "—"}
        </span>
        {e.verdict ? (
          <span data-testid="timeline-verdict" data-accepted={e.verdict.accepted} className={`rounded px-1.5 text-sm font-semibold ${e.verdict.accepted ? "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200" : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300"}`}>
            {e.verdict.accepted ? "accepted" : "refused"}
          </span>
        ) : null}
        <span className="min-w-0 truncate font-mono text-[11px]">
          {e.method} {e.path}
        </span>
        {e.label ? <span className="text-sm text-zinc-600 dark:text-zinc-400">{e.label}</span> : null}
        <span className="ml-auto shrink-0 text-sm text-zinc-600 dark:text-zinc-400">{e.ms === null ? "" : `${e.ms} ms`}</span>
      </div>
      <ul className="mt-0.5 pl-1 text-sm text-zinc-600 dark:text-zinc-400">
        {e.credentials.length === 0 && e.received ? <li data-testid="timeline-credential">no credential sent</li> : null}
        {e.credentials.map((c) => (
          <li key={c.name} data-testid="timeline-credential" data-kind={c.kind} data-bytes={c.bytes}>
            <span className="font-mono">{c.kind === "cookie" ? `Cookie ${c.name}` : "Authorization: Bearer …"}</span> ·{" "}
            {c.by === "browser" ? "sent by the browser on its own" : "added by script"} · <strong data-testid="credential-bytes">{c.bytes} B</strong>
            {c.unused ? <span className="text-zinc-600 dark:text-zinc-400"> · came along, not used by this route</span> : null}
          </li>
        ))}
        {e.received && e.received.cookieHeaderBytes > 0 ? (
          <li>
            whole Cookie header <span data-testid="cookie-header-bytes">{e.received.cookieHeaderBytes}</span> B
          </li>
        ) : null}
        {e.timing?.verify ? (
          <li data-testid="timeline-verify" data-verify={e.timing.verify}>
            {e.timing.verify === "remembered"
              ? "cryptography: already verified (proxy.ts checked it first; the route's check was a cache hit)"
              : "cryptography: verified in full by the route"}
          </li>
        ) : null}
        {e.timing && e.refusedBy !== "guard" ? (
          <li data-testid="timeline-timing" data-lookups={e.timing.queries + e.timing.cached}>
            server: auth {e.timing.authMs?.toFixed(3)} ms
            {e.timing.dbMs !== null ? ` · store ${e.timing.dbMs.toFixed(3)} ms` : ""} ·{" "}
            <span data-testid="timeline-queries">
              {e.timing.queries} store {e.timing.queries === 1 ? "query" : "queries"}
            </span>
            {e.timing.cached > 0 ? (
              <span data-testid="timeline-cached">
                {" "}
                · {e.timing.cached} {e.timing.cached === 1 ? "row" : "rows"} from this instance&apos;s memory (forgotten the moment the store announces a change)
              </span>
            ) : null}
          </li>
        ) : null}
        {e.verdict ? (
          <li data-testid="timeline-verdict-detail">
            The request went through (200); its answer is a verdict on the credential it carried for you — the copy or forgery, presented by the
            server: {e.verdict.accepted ? "accepted" : <>refused, <code className="rounded bg-red-100 px-1 font-mono text-red-800 dark:bg-red-900/50 dark:text-red-300">{e.verdict.code}</code></>}
            .
          </li>
        ) : null}
        {e.code && !e.verdict ? (
          <li data-testid="timeline-refusal" data-refused-by={e.refusedBy ?? ""} className="text-red-700 dark:text-red-400">
            {e.refusedBy ? <span>{REFUSED_BY[e.refusedBy]}{e.timing?.guardMs != null ? ` in ${e.timing.guardMs.toFixed(3)} ms` : ""}: </span> : null}
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
export function TimelineBody({ mode, entries }: { mode: Mode; entries: TimelineEntry[] }) {
  return (
    <>
      {/* Closed until opened (and remembered), like the panel's other sections: opening "Requests" must not push the page below it down by a whole diagram. */}
      <Section id={`${mode}-flow`} title="How it flows: browser · server · store">
        <FlowDiagram mode={mode} />
      </Section>
      {entries.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet. Log in or call the API.</p> : <TimelineRows mode={mode} entries={entries} />}
    </>
  );
}

function TimelineRows({ mode, entries }: { mode: Mode; entries: TimelineEntry[] }) {
  return (
    <ol tabIndex={0} aria-label={`${mode} requests, newest first`} className={`max-h-96 pr-1 ${SCROLL_REGION}`}>
      {entries.map((e) => (
        <Row key={e.id} e={e} />
      ))}
    </ol>
  );
}
