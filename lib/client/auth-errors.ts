import { useTranslations } from "next-intl";
import { AUTH_ERRORS, type AuthErrorCode } from "@/lib/auth/errors";

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
 * What a failure code means, in the visitor's language (`errors.<code>` in messages/*.json; the
 * code itself is never translated). A code the messages do not know keeps the server's message.
 */
export function useAuthErrorMessage(): (code: string, fallback: string) => string {
  const t = useTranslations("errors");
  return (code, fallback) => (t.has(code as AuthErrorCode) ? t(code as AuthErrorCode) : fallback);
}
