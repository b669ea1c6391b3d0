import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { DeviceLabel } from "@/lib/auth/session-devices";
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

/** Names and versions are data (`translate="no"`); the words around them are the page's. */
const data = (chunks: ReactNode) => <span translate="no">{chunks}</span>;

/**
 * A device's name in the page's language: "Chrome 156 on Linux" / "Linux의 Chrome 156",
 * "Simulated device 3" / "시뮬레이션 기기 3", a program's user agent as it is.
 */
export function DeviceName({ label }: { label: DeviceLabel }) {
  const t = useTranslations("deviceRow");
  switch (label.kind) {
    case "browser":
      return t.rich("browser", { browser: label.browser, os: label.os ?? "none", data });
    case "simulated":
      return t("simulated", { n: String(label.n) });
    case "agent":
      return data(label.agent);
    case "unknown":
      return t("unknown");
  }
}

/**
 * One logged-in device in a mode's devices list — a session (app/session) or a refresh-token
 * family (app/hybrid): its name, "this device", a line of detail, and Revoke for every other one.
 */
export function DeviceRow({ label, current, badgeClass, detail, onRevoke }: { label: DeviceLabel; current: boolean; badgeClass: string; detail: ReactNode; onRevoke: () => void }) {
  const t = useTranslations("deviceRow");
  return (
    <li data-testid="device" className="flex items-center gap-2 rounded bg-zinc-50 px-2 py-1 dark:bg-zinc-950/40">
      <span className="min-w-0 flex-1">
        <span className="font-medium">
          <DeviceName label={label} />
        </span>
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
