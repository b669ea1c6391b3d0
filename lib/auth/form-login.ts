import { jwtTransportOf } from "../jwt-transport";
import { statusOf } from "./errors";
import type { LoginRefusal } from "./login";

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
      /** The HTTP status the JSON login route answers this refusal with (for the panel's timeline). */
      httpStatus: number;
    };

/** A login form's fields, shaped as the JSON API's body: one validation for both. */
export function formFields(formData: FormData) {
  return {
    username: formData.get("username"),
    password: formData.get("password"),
    short_idle: formData.get("short_idle") === "on",
    revocable: formData.get("revocable") === "on",
    transport: jwtTransportOf(formData.get("transport")),
  };
}

/** A refused login as the form shows it: the message, the fields to highlight, the countdown. */
export function refusedForm(refusal: LoginRefusal, formData: FormData): LoginFormState {
  const username = formData.get("username");
  const state: LoginFormState = {
    status: "error",
    code: refusal.code,
    message: refusal.message,
    username: typeof username === "string" ? username : "",
    httpStatus: statusOf(refusal.code),
  };
  if (refusal.fieldErrors) Object.assign(state, { message: "Check the highlighted fields.", fieldErrors: refusal.fieldErrors });
  if (refusal.retryAfterSeconds) Object.assign(state, { retryAfterSeconds: refusal.retryAfterSeconds, retryAt: Date.now() + refusal.retryAfterSeconds * 1000 });
  return state;
}
