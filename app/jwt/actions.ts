"use server";

import { checkLoginForm, type LoginFormState } from "@/lib/auth/form-login";
import { createJwtLogin } from "@/lib/auth/jwt";

export type JwtLoginState = LoginFormState | { status: "ok"; accessToken: string; expiresIn: number };

/** Signs a JWT and hands it to the page, which keeps it in localStorage. No cookie, nothing stored. */
export async function loginJwt(_prev: JwtLoginState, formData: FormData): Promise<JwtLoginState> {
  const checked = await checkLoginForm(formData);
  if (!checked.ok) return checked.state;
  const { accessToken, expiresIn } = await createJwtLogin(checked.user, { revocable: checked.options.revocable });
  return { status: "ok", accessToken, expiresIn };
}
