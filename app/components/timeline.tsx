"use client";

import { useTranslations } from "next-intl";
import { lazy, type ReactNode } from "react";
import type { Mode } from "@/lib/client/modes";
import type { JwtTransport } from "@/lib/jwt-transport";
import { useEntryText, useTimeline } from "@/lib/client/timeline";
import { Section } from "./section";

// Inside a collapsed section: loaded when a visitor opens it.
const TimelineBody = lazy(() => import("./timeline-rows").then((m) => ({ default: m.TimelineBody })));

/** The mode's flow, lit up by this panel's requests, and every request it made, newest first, with what travelled and what it cost the server. */
export function Timeline({ mode, jwtTransport }: { mode: Mode; jwtTransport?: JwtTransport }) {
  const entries = useTimeline(mode);
  const t = useTranslations("timeline");
  return (
    <Section id={`${mode}-timeline`} title={t("requests", { count: entries.length })}>
      <div data-testid={`timeline-${mode}`}>
        <TimelineBody mode={mode} entries={entries} jwtTransport={jwtTransport} />
      </div>
    </Section>
  );
}

/** The server's side of HttpOnly: which cookies and headers the latest request of this panel carried. */
function ServerReceived({ mode }: { mode: Mode }) {
  // The request the visitor made last — not an older one: after a new login, the old token's size would be stale.
  const latest = useTimeline(mode)[0];
  const t = useTranslations("timeline");
  const entryText = useEntryText();
  if (!latest) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("noRequest")}</p>;
  const { label, path } = entryText(latest);
  if (!latest.received) {
    return (
      <p data-testid={`server-received-${mode}`} className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("notReported", { request: label || `${latest.method} ${path}` })}
      </p>
    );
  }
  const r = latest.received;
  return (
    <ul data-testid={`server-received-${mode}`} className="font-mono text-xs">
      {r.cookies.map((c) => (
        <li key={c.name} data-testid="received-cookie" data-name={c.name}>
          {t("cookie", { name: c.name, bytes: c.bytes })}
        </li>
      ))}
      {r.authorizationBytes > 0 ? (
        <li>
          {t.rich("authorization", { bytes: r.authorizationBytes, code: (chunks) => <code>{chunks}</code> })}
        </li>
      ) : null}
      {r.cookies.length === 0 && r.authorizationBytes === 0 ? <li>{t("nothing")}</li> : null}
      <li className="font-sans text-sm text-zinc-600 dark:text-zinc-400">{t("with", { request: `${latest.method} ${path}` })}</li>
    </ul>
  );
}

/** Two columns: what page script can see, next to what the server received. HttpOnly is the gap. */
export function SeenVersusReceived({ mode, scriptSees }: { mode: Mode; scriptSees: ReactNode }) {
  const t = useTranslations("timeline");
  return (
    <div className="mt-2 grid grid-cols-2 gap-3">
      <div>
        <h4 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">{t("scriptSees")}</h4>
        <div className="text-sm">{scriptSees}</div>
      </div>
      <div>
        <h4 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">{t("serverReceived")}</h4>
        <ServerReceived mode={mode} />
      </div>
    </div>
  );
}
