"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, Suspense } from "react";
import { setSectionOpen, useSectionOpen } from "@/lib/client/sections";

/**
 * A collapsible part of a panel (anatomy, devices, chain, timeline): closed until opened, and
 * remembered. Its content is rendered only while open, so what it needs — often a lazily loaded
 * component — is fetched and run only for a visitor who looks.
 */
export function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  const open = useSectionOpen(id);
  const t = useTranslations("section");
  return (
    <details
      data-testid={`section-${id}`}
      open={open}
      onToggle={(e) => setSectionOpen(id, (e.currentTarget as HTMLDetailsElement).open)}
      className="rounded-lg border border-zinc-200 text-sm dark:border-zinc-800"
    >
      <summary className="cursor-pointer px-3 py-2 font-semibold text-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-500 dark:text-zinc-300">
        {title}
      </summary>
      {open ? (
        <div className="flex flex-col gap-3 px-3 pb-3">
          <Suspense fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400">{t("loading")}</p>}>{children}</Suspense>
        </div>
      ) : null}
    </details>
  );
}
