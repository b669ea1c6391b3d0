import "server-only";
import { sealData, type UnsealErrorReason, unsealData } from "iron-session";
import { env } from "../env";
import { noteCheck } from "../trace";
import { type AuthFailure, failure } from "./errors";
import { andThen, type MaybePromise, sharedRemembered } from "./remembered";
import { hashToken } from "./tokens";

/**
 * The session cookie's value: a random session token sealed by iron-session (encrypted and MAC'd
 * under SESSION_SECRET) with its expiry inside. Opening it needs no store, so this is all the
 * proxy's quick check imports; the session's row is lib/auth/session.ts's business.
 */
export type OpenedSeal = { ok: true; token: string; id: string; store: SessionStore } | AuthFailure;

/** Where a session's row lives: the shared store, or the memory of the instance that logged it in. */
export type SessionStore = "database" | "memory";

type Content = { t?: unknown; exp?: unknown; m?: unknown };

/**
 * iron-session ends a seal with `~<version>`, outside its MAC, and ignores it when unsealing: any
 * suffix would do, giving one seal many spellings. Only the exact marker sealData writes passes.
 */
const SEAL_MARKER = "~2";
const wellFormed = (v: string) => v.length <= 1024 && v.endsWith(SEAL_MARKER) && v.indexOf("~") === v.length - SEAL_MARKER.length;

/** Opened seals, shared with proxy.ts (which opens the cookie first): the route's opening is a hit. */
const opened = sharedRemembered<{ token: string; id: string; store: SessionStore }>("seal");

/**
 * Seals a session token; the seal ends with the session's absolute lifetime, and says whether the
 * row is in one instance's memory (so another instance can say why it does not know it).
 */
export function sealToken(token: string, now = Date.now(), store: SessionStore = "database"): Promise<string> {
  const ttl = env().SESSION_ABSOLUTE_TTL_SECONDS;
  return sealData({ t: token, exp: now + ttl * 1000, ...(store === "memory" ? { m: 1 } : {}) }, { password: env().SESSION_SECRET, ttl });
}

/** The token inside a cookie value and its hash (the session's id in the store), or why there is none. */
export function openSeal(cookieValue: string | undefined, now = Date.now()): MaybePromise<OpenedSeal> {
  if (!cookieValue) return failure("session_missing");
  if (!wellFormed(cookieValue)) return failure("session_invalid");
  const hit = opened.recall(cookieValue, now);
  noteCheck(hit ? "remembered" : "full");
  if (hit) return hit.window === "open" ? { ok: true, ...hit.value } : failure("session_expired");
  return andThen(unseal(cookieValue), (content): OpenedSeal => {
    if (!content.ok) return content;
    const value = { token: content.token, id: hashToken(content.token), store: content.store };
    opened.remember(cookieValue, value, 0, content.exp);
    return content.exp > now ? { ok: true, ...value } : failure("session_expired");
  });
}

async function unseal(cookieValue: string): Promise<{ ok: true; token: string; exp: number; store: SessionStore } | AuthFailure> {
  let reason: UnsealErrorReason | undefined;
  let content: Content;
  try {
    content = await unsealData<Content>(cookieValue, {
      password: env().SESSION_SECRET,
      ttl: env().SESSION_ABSOLUTE_TTL_SECONDS,
      onUnsealError: (r) => {
        reason = r;
      },
    });
  } catch {
    return failure("session_invalid");
  }
  if (reason === "expired") return failure("session_expired");
  if (reason || typeof content.t !== "string" || content.t.length < 32) return failure("session_invalid");
  return { ok: true, token: content.t, exp: typeof content.exp === "number" ? content.exp : Number.POSITIVE_INFINITY, store: content.m === 1 ? "memory" : "database" };
}
