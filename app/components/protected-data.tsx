import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type Mode, MODES } from "./modes";

/** The protected content of a /mypage, the same for every mode: who you are and how we know. */
export function ProtectedData({ mode, user, proof }: { mode: Mode; user: { id: string; username: string; displayName: string }; proof: ReactNode }) {
  const m = MODES[mode];
  const t = useTranslations("protectedData");
  return (
    <div data-testid="protected-data" className="flex flex-col gap-4">
      <h1 className={`text-2xl font-semibold ${m.accent.text}`}>{t("welcome", { name: user.displayName })}</h1>
      <dl className="grid max-w-xl grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">{t("username")}</dt>
        <dd className="font-mono">{user.username}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">{t("userId")}</dt>
        <dd className="font-mono">{user.id}</dd>
      </dl>
      <div className={`rounded-lg p-4 text-sm ${m.accent.soft}`}>{proof}</div>
    </div>
  );
}

/** A /mypage's last line: its mode's logout (a server action) and the way back to the panels. */
export function MyPageActions({ logout, buttonClass }: { logout: () => Promise<void>; buttonClass: string }) {
  const t = useTranslations("protectedData");
  return (
    <div className="mt-3 flex gap-3">
      <form action={logout}>
        <button type="submit" className={`rounded-md px-3 py-1.5 text-sm font-semibold ${buttonClass}`}>
          {t("logOut")}
        </button>
      </form>
      <Link href="/" className="self-center underline">
        {t("back")}
      </Link>
    </div>
  );
}
