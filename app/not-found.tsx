import Link from "next/link";
import { useTranslations } from "next-intl";

/** Any unknown page, in the visitor's language (the API answers its own JSON 404). */
export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <Link href="/" className="mt-4 inline-block underline">
        {t("home")}
      </Link>
    </div>
  );
}
