"use server";

import { headers } from "next/headers";
import { formFields, type LoginFormState, refusedForm } from "@/lib/auth/form-login";
import { logIn } from "./login";

export type HybridLoginState = LoginFormState | { status: "ok"; accessToken: string; expiresIn: number };

/** Starts a refresh-token family: the refresh token in an HttpOnly cookie, the access token to the page. */
export async function loginHybrid(_prev: HybridLoginState, formData: FormData): Promise<HybridLoginState> {
  const result = await logIn(formFields(formData), await headers());
  if (!result.ok) return refusedForm(result, formData);
  return { status: "ok", accessToken: result.accessToken, expiresIn: result.expiresIn };
}
