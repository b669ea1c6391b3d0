import { useTranslations } from "next-intl";

/**
 * What stands in for a section of the home page until its code has loaded
 * (app/components/below-the-fold.tsx): the section's card and title, holding its place — and its
 * anchor, since the compare page links to `/#replay-lab` and `/#store-title`, so a link lands where
 * the section appears.
 */
export function SectionPlaceholder({ id, headingId, title, minHeight }: { id?: string; headingId: string; title: string; minHeight: string }) {
  const t = useTranslations("sectionPlaceholder");
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      aria-busy="true"
      className={`flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${minHeight}`}
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("loading")}</p>
    </section>
  );
}
