import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type Mode, MODES } from "./modes";

export type PanelStatus = { label: string; tone: "in" | "out" | "pending" | "warn" };

const TONES: Record<PanelStatus["tone"], string> = {
  in: "bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-300",
  out: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  pending: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300",
  warn: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300",
};

/** One mode's column: accent bar, title, state badge, one-line summary, then its content. */
export function Panel({ mode, subtitle, status, children }: { mode: Mode; subtitle?: string; status: PanelStatus; children: ReactNode }) {
  const m = MODES[mode];
  const t = useTranslations("modes");
  return (
    <section
      id={mode}
      aria-labelledby={`${mode}-title`}
      data-testid={`panel-${mode}`}
      className="flex min-w-0 flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className={`h-1.5 ${m.accent.bar}`} />
      <div className="flex flex-col gap-3 p-5">
        <header>
          <div className="flex items-baseline gap-2">
            <h2 id={`${mode}-title`} className={`text-lg font-semibold ${m.accent.text}`}>
              {t(`${mode}.title`)}
              {subtitle ? <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">{subtitle}</span> : null}
            </h2>
            <span role="status" data-testid={`${mode}-badge`} className={`ml-auto shrink-0 rounded-full px-2 py-0.5 text-sm font-medium ${TONES[status.tone]}`}>
              {status.label}
            </span>
          </div>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t(`${mode}.tagline`)}</p>
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
      <h3 className="mb-1.5 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{title}</h3>
      {children}
    </div>
  );
}

/** The badge of a panel whose credential is either there or not, plus the login form's state. */
export function usePanelStatus(loggedIn: boolean, pending: boolean, form: { status: string; code?: string }): PanelStatus {
  const t = useTranslations("panel");
  if (pending) return { label: t("loggingIn"), tone: "pending" };
  if (loggedIn) return { label: t("loggedIn"), tone: "in" };
  if (form.status === "error" && form.code === "rate_limited") return { label: t("rateLimited"), tone: "warn" };
  return { label: t("loggedOut"), tone: "out" };
}
