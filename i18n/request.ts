import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { chooseLocale, LOCALE_COOKIE } from "@/i18n/locales";

/**
 * next-intl without a `[locale]` segment: the locale comes from the request (cookie, then
 * `Accept-Language`), so URLs stay the same in both languages and proxy.ts stays the auth guard.
 */
export default getRequestConfig(async () => {
  const locale = chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // Server-rendered times are shown in UTC and say so; times the browser renders use its own zone.
    timeZone: "UTC",
  };
});
