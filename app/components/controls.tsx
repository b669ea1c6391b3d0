import Link from "next/link";
import { useTranslations } from "next-intl";
import { type Mode, MODES } from "./modes";

/** The quiet button every panel uses for its secondary actions (log out, refresh now). */
export const SECONDARY_BUTTON =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * A list that scrolls inside a panel: keyboard users reach it (tabIndex 0, with a label) and see
 * where focus is. Give it its max height.
 */
export const SCROLL_REGION = "overflow-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-500";

/** "Open /<mode>/mypage →" in the mode's accent. */
export function MyPageLink({ mode }: { mode: Mode }) {
  const t = useTranslations("controls");
  return (
    <Link href={`/${mode}/mypage`} className={`text-sm font-medium underline ${MODES[mode].accent.text}`}>
      {t("openMyPage", { path: `/${mode}/mypage` })}
    </Link>
  );
}
