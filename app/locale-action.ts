"use server";

import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/i18n/locales";
import { env } from "@/lib/env";

/**
 * The header's language switch: remembers the choice in a cookie (no `[locale]` in the URL). Anything
 * but a locale we have is ignored. The page the switch was pressed on renders again in the new
 * language, with or without JavaScript.
 */
export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: true,
    secure: env().cookieSecure,
  });
}
