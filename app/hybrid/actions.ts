"use server";

import { cookies } from "next/headers";
import { refreshCookie } from "@/lib/auth/cookies";
import { checkLoginForm, type LoginFormState } from "@/lib/auth/form-login";
import { createHybridLogin } from "@/lib/auth/hybrid";

export type HybridLoginState = LoginFormState | { status: "ok"; accessToken: string; expiresIn: number };

/**
 * Starts a refresh-token family: the refresh token goes into an HttpOnly cookie scoped to the
 * hybrid API, the short-lived access token back to the page, which keeps it in memory only.
 */
export async function loginHybrid(_prev: HybridLoginState, formData: FormData): Promise<HybridLoginState> {
  const checked = await checkLoginForm(formData);
  if (!checked.ok) return checked.state;
  const tokens = await createHybridLogin(checked.user, checked.meta);
  const cookie = refreshCookie(tokens.refreshMaxAgeSeconds);
  (await cookies()).set(cookie.name, tokens.refreshToken, cookie.options);
  return { status: "ok", accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
}
