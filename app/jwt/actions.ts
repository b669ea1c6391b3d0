"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { AccessClaims } from "@/lib/auth/access-token";
import { formFields, type LoginFormState, refusedForm } from "@/lib/auth/form-login";
import { logIn, logOut } from "./login";

export type JwtLoginState =
  | LoginFormState
  /** The localStorage transport: the page keeps the token and sends it as Bearer. */
  | { status: "ok"; transport: "bearer"; accessToken: string; expiresIn: number }
  /** The cookie transport: the token is in an HttpOnly cookie; the page gets only its claims. */
  | { status: "ok"; transport: "cookie"; claims: AccessClaims; expiresIn: number; cookieBytes: number };

/** Signs a JWT and hands it to the page (localStorage) or sets it in the HttpOnly JWT cookie. Nothing stored. */
export async function loginJwt(_prev: JwtLoginState, formData: FormData): Promise<JwtLoginState> {
  const result = await logIn(formFields(formData), await headers());
  if (!result.ok) return refusedForm(result, formData);
  if (result.transport === "cookie") return { status: "ok", transport: "cookie", claims: result.claims, expiresIn: result.expiresIn, cookieBytes: result.cookieBytes };
  return { status: "ok", transport: "bearer", accessToken: result.accessToken, expiresIn: result.expiresIn };
}

/** The cookie transport's logout from a page: clears the cookie (and deny-lists a revocable token). */
export async function logoutJwtCookie(): Promise<void> {
  await logOut(null);
  redirect("/#jwt");
}
