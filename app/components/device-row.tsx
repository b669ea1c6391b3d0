import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SCROLL_REGION } from "./controls";

export const SMALL_BUTTON = "rounded border border-zinc-300 px-2 py-0.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** A mode's devices list: scrolls inside the panel, reachable by keyboard. */
export function DeviceList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul tabIndex={0} aria-label={label} className={`flex max-h-48 flex-col gap-1 ${SCROLL_REGION}`}>
      {children}
    </ul>
  );
}

/**
 * One logged-in device in a mode's devices list — a session (app/session) or a refresh-token
 * family (app/hybrid): its name, "this device", a line of detail, and Revoke for every other one.
 */
export function DeviceRow({ name, current, badgeClass, detail, onRevoke }: { name: string; current: boolean; badgeClass: string; detail: ReactNode; onRevoke: () => void }) {
  const t = useTranslations("deviceRow");
  return (
    <li data-testid="device" className="flex items-center gap-2 rounded bg-zinc-50 px-2 py-1 dark:bg-zinc-950/40">
      <span className="min-w-0 flex-1">
        <span className="font-medium" translate="no">{name}</span>
        {current ? <span className={`ml-1 rounded px-1 ${badgeClass}`}>{t("thisDevice")}</span> : null}
        <span className="block text-zinc-600 dark:text-zinc-400">{detail}</span>
      </span>
      {current ? null : (
        <button type="button" className={SMALL_BUTTON} onClick={onRevoke}>
          {t("revoke")}
        </button>
      )}
    </li>
  );
}
