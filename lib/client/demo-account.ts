"use client";

import { useSyncExternalStore } from "react";

/**
 * The visitor's throwaway account (POST /api/demo-accounts), remembered in localStorage until the
 * server deletes it, so that a reload still fills it into the login forms. All three panels read
 * the same one: getting it in one panel fills every form.
 */
export const ACCOUNT_STORAGE_KEY = "loginlab.account";

export type ThrowawayAccount = { username: string; password: string; displayName: string; expiresAt: string };

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => (e.key === ACCOUNT_STORAGE_KEY || e.key === null) && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function parse(raw: string | null): ThrowawayAccount | null {
  if (!raw) return null;
  try {
    const a = JSON.parse(raw) as Partial<ThrowawayAccount>;
    const valid = typeof a.username === "string" && typeof a.password === "string" && typeof a.expiresAt === "string";
    // Past its expiry the server has deleted it (or is about to): nothing worth filling in.
    if (!valid || !(Date.parse(a.expiresAt as string) > Date.now())) return null;
    return { username: a.username as string, password: a.password as string, displayName: a.displayName ?? "", expiresAt: a.expiresAt as string };
  } catch {
    return null;
  }
}

// useSyncExternalStore wants the same object for as long as the stored string stays the same.
let cached: { raw: string | null; account: ThrowawayAccount | null } = { raw: null, account: null };

function readStoredAccount(): ThrowawayAccount | null {
  const raw = window.localStorage.getItem(ACCOUNT_STORAGE_KEY);
  if (raw !== cached.raw) cached = { raw, account: parse(raw) };
  return cached.account;
}

/** The remembered account; `null` while rendering on the server and during hydration (it cannot know). */
export function useThrowawayAccount(): ThrowawayAccount | null {
  return useSyncExternalStore(subscribe, readStoredAccount, () => null);
}

/**
 * Why no account came, for the component to put into words (`demoAccount` messages): the server
 * could not be reached, it answered without an account, or it refused, in its own words (a
 * refusal's reason is more specific than its code: lib/auth/demo-accounts.ts).
 */
export type AccountProblem = { reason: "unreachable" } | { reason: "status"; status: number } | { reason: "refused"; code: string; message: string; detail?: unknown };

type AccountRequest = { ok: true; account: ThrowawayAccount } | { ok: false; problem: AccountProblem; retryAt?: number };

/** Asks the server for a new throwaway account and remembers it (replacing any earlier one). */
export async function requestThrowawayAccount(): Promise<AccountRequest> {
  let res: Response;
  try {
    res = await fetch("/api/demo-accounts", { method: "POST", cache: "no-store" });
  } catch {
    return { ok: false, problem: { reason: "unreachable" } };
  }
  const body = (await res.json().catch(() => null)) as (ThrowawayAccount & { error?: string; message?: string; detail?: unknown }) | null;
  if (res.status !== 201 || !body) {
    const retryAfter = Number(res.headers.get("retry-after"));
    return {
      ok: false,
      problem:
        typeof body?.message === "string" ? { reason: "refused", code: String(body.error ?? ""), message: body.message, detail: body.detail } : { reason: "status", status: res.status },
      ...(retryAfter > 0 ? { retryAt: Date.now() + retryAfter * 1000 } : {}),
    };
  }
  const account: ThrowawayAccount = { username: body.username, password: body.password, displayName: body.displayName, expiresAt: body.expiresAt };
  window.localStorage.setItem(ACCOUNT_STORAGE_KEY, JSON.stringify(account));
  notify();
  return { ok: true, account };
}
