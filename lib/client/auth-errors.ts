import { useTranslations } from "next-intl";
import type { AuthDetail, AuthErrorCode } from "@/lib/auth/errors";

// The browser words failures from the messages alone (`errors.<code>`, `errorDetails.<key>`, which
// lib/i18n/messages.test.ts keeps equal to lib/auth/errors.ts): the server's English table stays on
// the server, out of the page's JavaScript.

/**
 * A failure's `detail` as the server sent it (`{key, values}`), if it is one we have words for: it
 * arrives in JSON or a page's props, so only a known key and plain values are kept.
 */
function detailOf(value: unknown, known: (key: string) => boolean): AuthDetail | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== "string" || !known(key)) return undefined;
  const plain = Object.entries(values && typeof values === "object" ? values : {}).filter(([, v]) => typeof v === "string" || typeof v === "number");
  return { key: key as AuthDetail["key"], values: Object.fromEntries(plain) as Record<string, string | number> };
}

/**
 * What a failure means, in the visitor's language: its detail where the server named one
 * (`errorDetails.<key>`), else its code (`errors.<code>`); the code itself is never translated. A
 * code the messages do not know (a `reason` from the URL can be anything) keeps the given text.
 */
export function useAuthErrorMessage(): (code: string, fallback: string, detail?: unknown) => string {
  const t = useTranslations("errors");
  const td = useTranslations("errorDetails");
  return (code, fallback, detail) => {
    const known = detailOf(detail, (key) => td.has(key as AuthDetail["key"]));
    if (known) return td(known.key, known.values);
    return t.has(code as AuthErrorCode) ? t(code as AuthErrorCode) : fallback;
  };
}

/** Whether a code is one the server sends (and the messages explain). */
export function useIsAuthErrorCode(): (code: string) => boolean {
  const t = useTranslations("errors");
  return (code) => t.has(code as AuthErrorCode);
}
