"use client";

import { useSyncExternalStore } from "react";
import { type ApiResult, callApi, errorCode } from "./api";
import { expOf } from "./jwt-parts";
import type { LabelKey } from "./timeline";
import { namespaced, pageNamespace, REFRESH_HINT_COOKIE } from "../cookie-namespace";

/**
 * Hybrid mode keeps its access token in this page's memory only: a reload forgets it and the
 * page gets a new one from POST /api/hybrid/refresh, which the HttpOnly refresh cookie authorizes.
 */
type HybridState =
  | { status: "unknown" }
  | { status: "refreshing" }
  /** Logging out: the access token is already forgotten, the server's answer not in yet. */
  | { status: "leaving" }
  | { status: "in"; accessToken: string; exp: number }
  /** `httpStatus`: the refused refresh's answer, when the server gave one. */
  | { status: "out"; reason: string | null; message?: string; detail?: unknown; httpStatus?: number };

let state: HybridState = { status: "unknown" };
const listeners = new Set<() => void>();
const serverState: HybridState = { status: "unknown" };

function set(next: HybridState) {
  state = next;
  listeners.forEach((l) => l());
}

export function useHybrid(): HybridState {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
    () => serverState,
  );
}

export function setHybridAccessToken(accessToken: string) {
  set({ status: "in", accessToken, exp: expOf(accessToken) });
}

/** The state right now, outside React (for a handler that awaited a refresh). */
export function hybridState(): HybridState {
  return state;
}

/** The access token in memory, if any (for calls that build their own request). */
export function currentAccessToken(): string | null {
  return state.status === "in" ? state.accessToken : null;
}

/** Whether the refresh cookie's script-readable companion says a refresh cookie was set (lib/auth/cookies.ts). */
export function hasRefreshHint(): boolean {
  return document.cookie.split("; ").includes(`${namespaced(pageNamespace(), REFRESH_HINT_COOKIE)}=1`);
}

/** Logged out without asking the server: there is no refresh cookie to try. */
export function markHybridOut() {
  if (state.status === "unknown") set({ status: "out", reason: null });
}

let inFlight: Promise<boolean> | null = null;

/**
 * Rotates the refresh cookie for a new access token. Single-flight: callers in this tab that need
 * a refresh at the same moment share one request, and tabs take turns through a Web Lock, so that
 * each refresh sends the cookie the previous one set. (The server's grace window covers what
 * slips through, such as a browser without Web Locks.)
 */
export function refreshHybrid(): Promise<boolean> {
  inFlight ??= withRefreshLock(async () => {
    // A page that still holds a token stays logged in while it is renewed.
    if (state.status !== "in") set({ status: "refreshing" });
    try {
      const result = await callApi("/api/hybrid/refresh", { method: "POST" }, "hybrid", "refresh" satisfies LabelKey);
      const token = (result.body as { access_token?: unknown } | null)?.access_token;
      if (result.status === 200 && typeof token === "string") {
        setHybridAccessToken(token);
        return true;
      }
      const body = result.body as { message?: string; detail?: unknown } | null;
      set({ status: "out", reason: errorCode(result), message: body?.message, detail: body?.detail, httpStatus: result.status });
      return false;
    } catch {
      set({ status: "out", reason: "network_error" });
      return false;
    } finally {
      inFlight = null;
    }
  });
  return inFlight;
}

function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request("login-lab-hybrid-refresh", fn) as unknown as Promise<T>) : fn();
}

const expiringSoon = (s: HybridState) => s.status !== "in" || s.exp * 1000 - Date.now() < 5_000;

/** Calls a hybrid API with the in-memory Bearer token, refreshing first when it is about to expire. */
export async function hybridFetch(path: string, options: { quiet?: boolean } = {}): Promise<ApiResult> {
  // Refresh first when the token is about to expire — or when there is none but a refresh cookie is likely there.
  if (expiringSoon(state) && state.status !== "leaving" && (state.status === "in" || hasRefreshHint())) await refreshHybrid();
  const headers: HeadersInit = state.status === "in" ? { Authorization: `Bearer ${state.accessToken}` } : {};
  // A quiet call (a list refreshing itself) stays out of the panel's timeline: it is not the visitor's.
  return callApi(path, { headers }, options.quiet ? undefined : "hybrid");
}

export async function logoutHybrid(): Promise<ApiResult> {
  // Forget the access token first: from now on no request of this page carries it, and nothing
  // refreshes. The panel says "logged out" once the server has revoked the family.
  set({ status: "leaving" });
  try {
    return await callApi("/api/hybrid/refresh/logout", { method: "POST" }, "hybrid", "logOut" satisfies LabelKey);
  } finally {
    set({ status: "out", reason: "logged_out" });
  }
}
