"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formFields, type LoginFormState, refusedForm } from "@/lib/auth/form-login";
import { safeNext } from "@/lib/dal";
import { logIn, logOut } from "./login";

/** Logs in with a session: creates the row, sets the sealed cookie; the page re-renders with it. */
export async function loginSession(_prev: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const result = await logIn(formFields(formData), await headers());
  if (!result.ok) return refusedForm(result, formData);
  const next = safeNext(formData.get("next"));
  if (next) redirect(next);
  // Setting the cookie is enough for Next to re-render this page with the new session.
  return { status: "idle" };
}

/** Deletes the session row (refused on the very next request) and clears the cookie. */
export async function logoutSession(): Promise<void> {
  await logOut();
  redirect("/");
}
