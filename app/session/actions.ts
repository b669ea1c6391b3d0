"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookie } from "@/lib/auth/cookies";
import { checkLoginForm, type LoginFormState } from "@/lib/auth/form-login";
import { createSession, revokeSession } from "@/lib/auth/session";
import { safeNext } from "@/lib/dal";
import { env } from "@/lib/env";

/** Logs in with a session: creates the row, sets the sealed cookie, re-renders the page. */
export async function loginSession(_prev: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const checked = await checkLoginForm(formData);
  if (!checked.ok) return checked.state;
  const { cookieValue, maxAgeSeconds } = await createSession(checked.user, checked.meta, {
    idleTimeoutSeconds: checked.options.shortIdle ? env().SESSION_DEMO_IDLE_SECONDS : undefined,
  });
  const cookie = sessionCookie(maxAgeSeconds);
  (await cookies()).set(cookie.name, cookieValue, cookie.options);
  const next = safeNext(formData.get("next"));
  if (next) redirect(next);
  refresh();
  return { status: "idle" };
}

/** Deletes the session row (refused on the very next request) and clears the cookie. */
export async function logoutSession(): Promise<void> {
  const jar = await cookies();
  const cookie = sessionCookie();
  await revokeSession(jar.get(cookie.name)?.value);
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  redirect("/");
}
