import "server-only";
import { authStep } from "../trace";
import { checkCredentials, loginInput, loginOptions } from "./credentials";
import { type AuthFailure, failure } from "./errors";
import { type RequestMeta, requestMeta } from "./request-meta";
import type { PublicUser } from "./users";

/** A refused login; `fieldErrors` when the fields themselves were wrong. */
export type LoginRefusal = AuthFailure & { fieldErrors?: Record<string, string[]> };

export type LoginAttempt = { ok: true; user: PublicUser; meta: RequestMeta; options: ReturnType<typeof loginOptions> } | LoginRefusal;

/**
 * The first half of every login, whether a form's server action or a JSON route asks: validate the
 * fields, throttle, check the password. Each mode's login flow (app/<mode>/login.ts) then creates
 * its own credential.
 */
export async function attemptLogin(fields: unknown, headers: Headers): Promise<LoginAttempt> {
  const parsed = loginInput.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      const missing = issue.code === "invalid_type" && /received (null|undefined)/.test(issue.message);
      fieldErrors[key] = [...(fieldErrors[key] ?? []), missing ? "Required." : issue.message];
    }
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    return { ...failure("invalid_body", { message: `Invalid body — ${detail}` }), fieldErrors };
  }
  const meta = requestMeta(headers);
  const checked = await authStep(() => checkCredentials(parsed.data, meta.ip));
  if (!checked.ok) return checked;
  return { ok: true, user: checked.user, meta, options: loginOptions(parsed.data) };
}
