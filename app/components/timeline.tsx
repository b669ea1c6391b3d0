"use client";

import { lazy, type ReactNode } from "react";
import type { Mode } from "@/lib/client/modes";
import { useTimeline } from "@/lib/client/timeline";
import { Section } from "./section";

// Inside a collapsed section: loaded when a visitor opens it.
const TimelineBody = lazy(() => import("./timeline-rows").then((m) => ({ default: m.TimelineBody })));

/** The mode's flow, lit up by this panel's requests, and every request it made, newest first, with what travelled and what it cost the server. */
export function Timeline({ mode }: { mode: Mode }) {
  const entries = useTimeline(mode);
  return (
    <Section id={`${mode}-timeline`} title={`Requests (${entries.length})`}>
      <div data-testid={`timeline-${mode}`}>
        <TimelineBody mode={mode} entries={entries} />
      </div>
    </Section>
  );
}

/** The server's side of HttpOnly: which cookies and headers the latest request of this panel carried. */
function ServerReceived({ mode }: { mode: Mode }) {
  // The request the visitor made last — not an older one: after a new login, the old token's size would be stale.
  const latest = useTimeline(mode)[0];
  if (!latest) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No request yet.</p>;
  if (!latest.received) {
    return (
      <p data-testid={`server-received-${mode}`} className="text-sm text-zinc-600 dark:text-zinc-400">
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
      <li className="font-sans text-sm text-zinc-600 dark:text-zinc-400">with {`${latest.method} ${latest.path}`}</li>
    </ul>
  );
}

/** Two columns: what page script can see, next to what the server received. HttpOnly is the gap. */
export function SeenVersusReceived({ mode, scriptSees }: { mode: Mode; scriptSees: ReactNode }) {
  return (
    <div className="mt-2 grid grid-cols-2 gap-3">
      <div>
        <h4 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">Page script sees</h4>
        <div className="text-sm">{scriptSees}</div>
      </div>
      <div>
        <h4 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">The server received</h4>
        <ServerReceived mode={mode} />
      </div>
    </div>
  );
}
