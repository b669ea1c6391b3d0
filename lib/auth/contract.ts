import type { AuthFailure } from "./errors";
import type * as Hybrid from "./hybrid";
import type * as Jwt from "./jwt";
import type { MaybePromise } from "./remembered";
import type { RequestMeta } from "./request-meta";
import type * as Session from "./session";
import type { PublicUser } from "./users";

/**
 * The one shape of the three mode modules (session.ts, jwt.ts, hybrid.ts): the same verbs, the
 * same argument order, the clock in the same place, one result type. Reading any two side by
 * side shows only where the approaches really differ: what is stored, what travels, what revoking
 * can do.
 */
export type Clock = { now?: Date };
export type Logout = { ok: true; revoked: boolean; message: string };

export type AuthMode<Credential, Login extends { ok: true }, Valid extends { ok: true }, LoginOptions = object> = {
  /** After the password check: create what this mode creates, return what the client is given. */
  login(user: PublicUser, meta: RequestMeta, options?: Clock & LoginOptions): Promise<Login>;
  /** Every request: the credential as it arrived, checked. */
  authenticate(credential: Credential, options?: Clock): MaybePromise<Valid | AuthFailure>;
  /** End it — as far as this mode can. */
  logout(credential: Credential, options?: Clock): Promise<Logout>;
};

// Compile-time proof that the modules keep the shape.
type Conforms<M extends AuthMode<never, { ok: true }, { ok: true }, never>> = M;
export type Modes = [Conforms<typeof Session>, Conforms<typeof Jwt>, Conforms<typeof Hybrid>];
