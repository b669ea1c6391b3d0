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
