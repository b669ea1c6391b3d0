/**
 * The languages the lab speaks and how a request picks one: the `NEXT_LOCALE` cookie the header's
 * switch sets, else the first language of `Accept-Language` (by weight) the lab has, else English.
 * Pure, so lib/i18n/locales.test.ts checks it without a server.
 */
export const LOCALES = ["en", "ko"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";
/** next-intl's own name for the cookie; not a secret, read on the server only. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A year: the choice outlives the visit, like any language preference. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an `Accept-Language` header: ranges by their q-value (a missing one is
 * 1, `q=0` means "not this", a malformed q drops the range), ties in the header's order; `ko-KR` matches `ko`, `*` matches English.
 * Garbage in gives English out.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .slice(0, 1024)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      // A range without q weighs 1; one whose q is not a number in [0, 1] is dropped.
      const q = params.find((p) => /^\s*q\s*=/i.test(p))?.split("=")[1]?.trim();
      const weight = q === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q) ? Number(q) : 0;
      return { tag: tag.trim().toLowerCase(), weight, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "*") return DEFAULT_LOCALE;
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** The cookie wins when it names one of our locales; anything else in it is ignored. */
export function chooseLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): AppLocale {
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(acceptLanguage);
}
