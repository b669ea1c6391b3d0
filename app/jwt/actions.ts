"use server";

import { headers } from "next/headers";
import { formFields, type LoginFormState, refusedForm } from "@/lib/auth/form-login";
import { logIn } from "./login";

export type JwtLoginState = LoginFormState | { status: "ok"; accessToken: string; expiresIn: number };

/** Signs a JWT and hands it to the page, which keeps it in localStorage. No cookie, nothing stored. */
export async function loginJwt(_prev: JwtLoginState, formData: FormData): Promise<JwtLoginState> {
  const result = await logIn(formFields(formData), await headers());
  if (!result.ok) return refusedForm(result, formData);
  return { status: "ok", accessToken: result.accessToken, expiresIn: result.expiresIn };
}
