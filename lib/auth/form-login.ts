import { getTranslations } from "next-intl/server";
import { jwtTransportOf } from "../jwt-transport";
import { loginInput } from "./credentials";
import { statusOf } from "./errors";
import type { LoginRefusal } from "./login";

type FieldErrors = { username?: string[]; password?: string[] };

/** What a login form's server action returns to `useActionState`. */
export type LoginFormState =
  | { status: "idle" }
  | {
      status: "error";
      /**
       * With field errors, a hint in the visitor's language; otherwise the server's English for
       * `code`, which the form replaces with that code's message in the visitor's language.
       */
      message: string;
      code: string;
      /** What is wrong with each field, already in the visitor's language. */
      fieldErrors?: FieldErrors;
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

type Translate = Awaited<ReturnType<typeof getTranslations<"formLogin">>>;

/**
 * The form's own words for what is wrong with its fields (`formLogin` messages). A refusal's field
 * errors are the schema's English, which the JSON API answers with; the form reads the schema's
 * issues instead, so each one is said in the visitor's language. A field that did not come along
 * at all is "Required.".
 */
function fieldErrorsOf(formData: FormData, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of loginInput.safeParse(formFields(formData)).error?.issues ?? []) {
    const field = issue.path[0];
    if (field !== "username" && field !== "password") continue;
    const text =
      formData.get(field) === null
        ? t("required")
        : issue.code === "too_small"
          ? t(`empty.${field}`)
          : issue.code === "too_big"
            ? t("tooLong", { max: Number(issue.maximum) })
            : issue.message;
    errors[field] = [...(errors[field] ?? []), text];
  }
  return errors;
}

/**
 * A refused login as the form shows it: the message, the fields to highlight, the countdown. Runs
 * in the login's server action, so it knows the visitor's language.
 */
export async function refusedForm(refusal: LoginRefusal, formData: FormData): Promise<LoginFormState> {
  const username = formData.get("username");
  const state: LoginFormState = {
    status: "error",
    code: refusal.code,
    message: refusal.message,
    username: typeof username === "string" ? username : "",
    httpStatus: statusOf(refusal.code),
  };
  if (refusal.fieldErrors) {
    const t = await getTranslations("formLogin");
    Object.assign(state, { message: t("checkFields"), fieldErrors: fieldErrorsOf(formData, t) });
  }
  if (refusal.retryAfterSeconds) Object.assign(state, { retryAfterSeconds: refusal.retryAfterSeconds, retryAt: Date.now() + refusal.retryAfterSeconds * 1000 });
  return state;
}
