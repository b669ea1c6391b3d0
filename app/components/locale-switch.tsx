import { useLocale, useTranslations } from "next-intl";
import { setLocale } from "@/app/locale-action";
import { LOCALES } from "@/i18n/locales";

/** 한국어 / English: a form per language, so it works before (and without) JavaScript. */
export function LocaleSwitch() {
  const t = useTranslations("layout");
  const current = useLocale();
  return (
    <form action={setLocale} aria-label={t("language")} className="flex items-center gap-1">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-1.5 py-0.5 text-xs aria-pressed:bg-zinc-200 aria-pressed:font-semibold hover:underline dark:aria-pressed:bg-zinc-800"
        >
          {t(`names.${locale}`)}
        </button>
      ))}
    </form>
  );
}
