import "server-only";
import { z } from "zod";
import { env } from "../env";
import { type AuthFailure, failure } from "./errors";
import { BusyError } from "./hash-budget";
import { burnPasswordCheck, verifyPassword } from "./password";
import { throttle } from "./throttle";
import { findUserForLogin, type PublicUser } from "./users";

/** The login body every mode accepts, from a form or from JSON. */
export const loginInput = z.object({
  username: z.string().trim().min(1, "Enter a username.").max(64, "At most 64 characters."),
  password: z.string().min(1, "Enter a password.").max(256, "At most 256 characters."),
  /** Session mode: end the session after SESSION_DEMO_IDLE_SECONDS without use (the demo's short timeout). */
  short_idle: z.boolean().optional(),
  /** JWT mode: make the token revocable (checked against the deny-list on every request). */
  revocable: z.boolean().optional(),
  /** JWT mode: where the token goes — the answer's body (`bearer`, the default) or an HttpOnly cookie. */
  transport: z.enum(["bearer", "cookie"]).optional(),
  /** Session mode, scale-out lab only (CLUSTER_INSTANCE set): keep the row in this instance's memory. */
  store: z.enum(["database", "memory"]).optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

/** The mode options a login may carry, from the form's checkboxes or the JSON flags. */
export function loginOptions(input: LoginInput) {
  return { shortIdle: input.short_idle === true, revocable: input.revocable === true, transport: input.transport ?? "bearer", store: input.store };
}

const window = () => env().LOGIN_FAILURE_WINDOW_SECONDS * 1000;
const perAccount = throttle("account", () => env().LOGIN_MAX_FAILURES_PER_ACCOUNT, window);
const perClient = throttle("client", () => env().LOGIN_MAX_FAILURES_PER_CLIENT, window);
/** Every password check a client starts, successful ones included: a slot is never given back. */
const checksPerClient = throttle("checks", () => env().LOGIN_MAX_CHECKS_PER_CLIENT_PER_MINUTE, () => 60_000);

/**
 * Checks a username and password, throttled per account and per client (one throttle for every
 * instance on PostgreSQL: lib/auth/throttle.ts). A failure slot is taken
 * from both before the password is checked (parallel guesses cannot all slip past the limit) and
 * given back when the password is right (its own slot, never the others in flight) — so checks in
 * flight count too: at most LOGIN_MAX_FAILURES_PER_ACCOUNT logins of one account are checked at the
 * same moment. Every check, right or wrong, also counts against the client's
 * LOGIN_MAX_CHECKS_PER_CLIENT_PER_MINUTE, and runs within the process's hash budget (503 `busy`
 * when it has no slot in time). An unknown user and a wrong password get the same answer
 * and take the same time (a dummy hash is verified).
 */
export async function checkCredentials(input: Pick<LoginInput, "username" | "password">, clientIp: string): Promise<{ ok: true; user: PublicUser } | AuthFailure> {
  const accountKey = input.username.toLowerCase();
  // The account first: guesses refused for a blocked account take no slot from their client.
  const accountWait = await perAccount.reserve(accountKey);
  if (accountWait > 0) return failure("rate_limited", { retryAfterSeconds: accountWait });
  const clientWait = await perClient.reserve(clientIp);
  if (clientWait > 0) {
    await perAccount.release(accountKey);
    return failure("rate_limited", { retryAfterSeconds: clientWait });
  }
  const checksWait = await checksPerClient.reserve(clientIp);
  if (checksWait > 0) {
    await Promise.all([perAccount.release(accountKey), perClient.release(clientIp)]);
    return failure("rate_limited", { retryAfterSeconds: checksWait, detail: { key: "checksPerMinute", values: { max: env().LOGIN_MAX_CHECKS_PER_CLIENT_PER_MINUTE } } });
  }

  let valid: boolean;
  let found: Awaited<ReturnType<typeof findUserForLogin>>;
  try {
    found = await findUserForLogin(input.username);
    valid = found ? await verifyPassword(found.passwordHash, input.password) : await burnPasswordCheck(input.password);
  } catch (error) {
    // No hash slot in time (lib/auth/hash-budget.ts): nothing was checked, so nothing counts as a failure.
    if (!(error instanceof BusyError)) throw error;
    await Promise.all([perAccount.release(accountKey), perClient.release(clientIp)]);
    return failure("busy", { retryAfterSeconds: error.retryAfterSeconds });
  }
  if (!found || !valid) return failure("invalid_credentials");
  // A right password gives back its own slots, and only those: the account's other checks in
  // flight (and its failures) still count.
  await Promise.all([perAccount.release(accountKey), perClient.release(clientIp)]);
  const { passwordHash: _, ...user } = found;
  return { ok: true, user };
}
