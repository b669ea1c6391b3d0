import "server-only";
import { headers } from "next/headers";
import { checkCredentials, loginInput, loginOptions } from "./credentials";
import { requestMeta } from "./request-meta";
import type { PublicUser } from "./users";

/** What a login form's server action returns to `useActionState`. */
export type LoginFormState =
  | { status: "idle" }
  | {
      status: "error";
      message: string;
      code: string;
      fieldErrors?: { username?: string[]; password?: string[] };
      retryAfterSeconds?: number;
      /** When a rate-limited visitor may try again (epoch ms), for the countdown. */
      retryAt?: number;
      username: string;
    };

/**
 * The shared first half of every mode's login action: validate the form, throttle, check the
 * password. The mode's action then creates its own credential.
 */
export async function checkLoginForm(formData: FormData) {
  const raw = {
    username: formData.get("username"),
    password: formData.get("password"),
    short_idle: formData.get("short_idle") === "on",
    revocable: formData.get("revocable") === "on",
  };
  const username = typeof raw.username === "string" ? raw.username : "";
  const parsed = loginInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message === "Invalid input: expected string, received null" ? "Required." : issue.message];
    }
    return { ok: false as const, state: { status: "error" as const, code: "invalid_body", message: "Check the highlighted fields.", fieldErrors, username } };
  }
  const meta = requestMeta(await headers());
  const checked = await checkCredentials(parsed.data, meta.ip);
  if (!checked.ok) {
    const state: LoginFormState = { status: "error", code: checked.code, message: checked.message, username };
    if (checked.retryAfterSeconds) Object.assign(state, { retryAfterSeconds: checked.retryAfterSeconds, retryAt: Date.now() + checked.retryAfterSeconds * 1000 });
    return { ok: false as const, state };
  }
  return { ok: true as const, user: checked.user as PublicUser, meta, options: loginOptions(parsed.data) };
}
