import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { GlossaryDefinitions } from "@/app/components/glossary-definitions";
import { LocaleSwitch } from "@/app/components/locale-switch";
import { clientMessages } from "@/i18n/client-messages";
import { env } from "@/lib/env";
import "./globals.css";

/** The lab's name: the same in every language. */
const BRAND = "Login Lab";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return { title: t("title"), description: t("description") };
}

/** Every page renders per request: its scripts must carry that request's CSP nonce (proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("layout");
  return (
    // The page's script reads two cookies of this deployment by name (lib/cookie-namespace.ts).
    <html lang={locale} data-cookie-namespace={env().COOKIE_NAMESPACE || undefined}>
      <body className="min-h-screen bg-zinc-100 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <nav className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3 text-sm">
            <Link href="/" className="font-semibold tracking-tight" translate="no">
              {BRAND}
            </Link>
            <span className="hidden text-zinc-600 sm:inline dark:text-zinc-400">{t("tagline")}</span>
            <Link href="/claims" className="hover:underline">
              {t("claims")}
            </Link>
            <Link href="/compare" className="hover:underline">
              {t("compare")}
            </Link>
            <Link href="/guide" className="hover:underline">
              {t("guide")}
            </Link>
            {env().labXssEnabled ? (
              <Link href="/lab/xss" className="hover:underline">
                {t("xssLab")}
              </Link>
            ) : null}
            <Link href="/lab/attacker" className="hover:underline">
              {t("crossSiteLab")}
            </Link>
            <Link href="/scale" className="hover:underline">
              {t("scaleLab")}
            </Link>
            <span className="ml-auto flex gap-4">
              <Link href="/session/mypage" className="text-blue-700 hover:underline dark:text-blue-300">
                {t("session")}
              </Link>
              <Link href="/jwt/mypage" className="text-amber-700 hover:underline dark:text-amber-300">
                {t("jwt")}
              </Link>
              <Link href="/hybrid/mypage" className="text-emerald-700 hover:underline dark:text-emerald-300">
                {t("hybrid")}
              </Link>
              <LocaleSwitch />
            </span>
          </nav>
        </header>
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
          <GlossaryDefinitions />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
