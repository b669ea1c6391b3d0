"use client";

import type { ReactNode } from "react";
import type { Mode } from "@/lib/client/modes";
import { type TimelineEntry, useTimeline } from "@/lib/client/timeline";

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
          <span data-testid="timeline-verdict" data-accepted={e.verdict.accepted} className={`rounded px-1.5 text-[11px] font-semibold ${e.verdict.accepted ? "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200" : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300"}`}>
            {e.verdict.accepted ? "accepted" : "refused"}
          </span>
        ) : null}
        <span className="min-w-0 truncate font-mono text-[11px]">
          {e.method} {e.path}
        </span>
        {e.label ? <span className="text-[11px] text-zinc-500">{e.label}</span> : null}
        <span className="ml-auto shrink-0 text-[11px] text-zinc-500">{e.ms === null ? "" : `${e.ms} ms`}</span>
      </div>
      <ul className="mt-0.5 pl-1 text-[11px] text-zinc-600 dark:text-zinc-400">
        {e.credentials.length === 0 && e.received ? <li data-testid="timeline-credential">no credential sent</li> : null}
        {e.credentials.map((c) => (
          <li key={c.name} data-testid="timeline-credential" data-kind={c.kind} data-bytes={c.bytes}>
            <span className="font-mono">{c.kind === "cookie" ? `Cookie ${c.name}` : "Authorization: Bearer …"}</span> ·{" "}
            {c.by === "browser" ? "sent by the browser on its own" : "added by script"} · <strong data-testid="credential-bytes">{c.bytes} B</strong>
            {c.unused ? <span className="text-zinc-400"> · came along, not used by this route</span> : null}
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
          <li data-testid="timeline-timing">
            server: auth {e.timing.authMs?.toFixed(3)} ms
            {e.timing.dbMs !== null ? ` · store ${e.timing.dbMs.toFixed(3)} ms` : ""} ·{" "}
            <span data-testid="timeline-queries">
              {e.timing.queries} store {e.timing.queries === 1 ? "query" : "queries"}
            </span>
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

/** Every request this panel made, newest first, with what travelled and what it cost the server. */
export function Timeline({ mode }: { mode: Mode }) {
  const entries = useTimeline(mode);
  return (
    <details open className="rounded-lg border border-zinc-200 text-sm dark:border-zinc-800" data-testid={`timeline-${mode}`}>
      <summary className="cursor-pointer px-3 py-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        Requests ({entries.length})
      </summary>
      {entries.length === 0 ? (
        <p className="px-3 pb-2 text-xs text-zinc-500">None yet. Log in or call the API.</p>
      ) : (
        <ol className="max-h-72 overflow-auto px-3 pb-1">
          {entries.map((e) => (
            <Row key={e.id} e={e} />
          ))}
        </ol>
      )}
    </details>
  );
}

/** The server's side of HttpOnly: which cookies and headers the latest request of this panel carried. */
function ServerReceived({ mode }: { mode: Mode }) {
  // The request the visitor made last — not an older one: after a new login, the old token's size would be stale.
  const latest = useTimeline(mode)[0];
  if (!latest) return <p className="text-xs text-zinc-600 dark:text-zinc-400">No request yet.</p>;
  if (!latest.received) {
    return (
      <p data-testid={`server-received-${mode}`} className="text-xs text-zinc-600 dark:text-zinc-400">
        Not reported for the latest request ({latest.label || `${latest.method} ${latest.path}`}): call the API to see what arrives.
      </p>
    );
  }
  const r = latest.received;
  return (
    <ul data-testid={`server-received-${mode}`} className="font-mono text-xs">
      {r.cookies.map((c) => (
        <li key={c.name} data-testid="received-cookie" data-name={c.name}>
          cookie {c.name} ({c.bytes} B)
        </li>
      ))}
      {r.authorizationBytes > 0 ? <li>Authorization ({r.authorizationBytes} B)</li> : null}
      {r.cookies.length === 0 && r.authorizationBytes === 0 ? <li>nothing</li> : null}
      <li className="font-sans text-[11px] text-zinc-500">with {`${latest.method} ${latest.path}`}</li>
    </ul>
  );
}

/** Two columns: what page script can see, next to what the server received. HttpOnly is the gap. */
export function SeenVersusReceived({ mode, scriptSees }: { mode: Mode; scriptSees: ReactNode }) {
  return (
    <div className="mt-2 grid grid-cols-2 gap-3">
      <div>
        <h4 className="text-[11px] font-semibold text-zinc-500">Page script sees</h4>
        <div className="text-xs">{scriptSees}</div>
      </div>
      <div>
        <h4 className="text-[11px] font-semibold text-zinc-500">The server received</h4>
        <ServerReceived mode={mode} />
      </div>
    </div>
  );
}
