import type { ReactNode } from "react";
import { type Mode, MODES } from "./modes";

/** One mode's column: accent bar, title, one-line summary, then its content. */
export function Panel({ mode, subtitle, children }: { mode: Mode; subtitle?: string; children: ReactNode }) {
  const m = MODES[mode];
  return (
    <section
      id={mode}
      aria-labelledby={`${mode}-title`}
      data-testid={`panel-${mode}`}
      className="flex min-w-0 flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className={`h-1.5 ${m.accent.bar}`} />
      <div className="flex flex-col gap-4 p-5">
        <header>
          <h2 id={`${mode}-title`} className={`text-lg font-semibold ${m.accent.text}`}>
            {m.title}
            {subtitle ? <span className="ml-2 text-sm font-normal text-zinc-500 dark:text-zinc-400">{subtitle}</span> : null}
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{m.tagline}</p>
        </header>
        {children}
      </div>
    </section>
  );
}

/** A labelled box inside a panel. */
export function Box({ title, children, tone = "plain" }: { title: string; children: ReactNode; tone?: "plain" | "warn" }) {
  const toneClass =
    tone === "warn"
      ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/30"
      : "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950/40";
  return (
    <div className={`rounded-lg border p-3 text-sm ${toneClass}`}>
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h3>
      {children}
    </div>
  );
}
