import { useTranslations } from "next-intl";
import { AUTH_DETAILS, AUTH_ERRORS, type AuthDetail, type AuthErrorCode } from "@/lib/auth/errors";

/**
 * The status and message the server gives a failure code, read from the server's own table
 * (lib/auth/errors.ts has no server-only import and no dependencies, so the browser bundle may
 * hold it); null for a code the server never sends — a `reason` from the URL can be anything.
 */
export function knownAuthError(code: string): { status: number; message: string } | null {
  if (!Object.hasOwn(AUTH_ERRORS, code)) return null;
  const [status, message] = AUTH_ERRORS[code as AuthErrorCode];
  return { status, message };
}

/**
 * A failure's `detail` as the server sent it (`{key, values}`), if it is one we know: it arrives
 * in JSON or a page's props, so its key is checked and only plain values are kept.
 */
export function authDetailOf(value: unknown): AuthDetail | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== "string" || !Object.hasOwn(AUTH_DETAILS, key)) return undefined;
  const plain = Object.entries(values && typeof values === "object" ? values : {}).filter(([, v]) => typeof v === "string" || typeof v === "number");
  return { key: key as AuthDetail["key"], values: Object.fromEntries(plain) as Record<string, string | number> };
}

/**
 * What a failure means, in the visitor's language: its detail where the server named one
 * (`errorDetails.<key>`), else its code (`errors.<code>`) when the server's message is that code's
 * own; the code itself is never translated. A message more particular than its code's (already
 * worded for the visitor, or one we have no words for) is kept as it came.
 */
export function useAuthErrorMessage(): (code: string, fallback: string, detail?: unknown) => string {
  const t = useTranslations("errors");
  const td = useTranslations("errorDetails");
  return (code, fallback, detail) => {
    const known = authDetailOf(detail);
    if (known) {
      // Every placeholder of the template gets a value, even one the server left out.
      const names = [...AUTH_DETAILS[known.key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      return td(known.key, Object.fromEntries(names.map((n) => [n, known.values?.[n] ?? ""])));
    }
    const standard = knownAuthError(code);
    return standard && (!fallback || fallback === standard.message) ? t(code as AuthErrorCode) : fallback;
  };
}
