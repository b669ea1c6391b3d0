"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import type { Received } from "@/lib/http";
import { readsCookie } from "./cookie-readers";
import type { StepId } from "./flow";
import type { Mode } from "./modes";
import { releaseLogin } from "./login-lock";
import { clearRefusal } from "./refusals";

/** A login credential a request carried; `unused` when it merely came along (see cookie-readers.ts). */
type Credential = { kind: "cookie" | "authorization"; name: string; bytes: number; by: "browser" | "script"; unused?: boolean };

/**
 * Labels recorded by code with no translator at hand (this module's server-action wrapper,
 * lib/client/hybrid-store.ts, lib/client/capture.ts): the timeline shows them as `timeline.labels.<key>`. Any other label
 * is the caller's own text, already in the visitor's language.
 */
const LABEL_KEYS = ["serverActionLogin", "refresh", "logOut", "replayCapture"] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

const isLabelKey = (label: string): label is LabelKey => (LABEL_KEYS as readonly string[]).includes(label);

/** Every request a panel makes, as the panel's timeline shows it. */
export type TimelineEntry = {
  id: number;
  at: number;
  /** The caller's own text, or a `LabelKey` (shown in the visitor's language by `useEntryText`). */
  label: string;
  method: string;
  path: string;
  status: number | null;
  ms: number | null;
  code: string | null;
  credentials: Credential[];
  received: Received | null;
  timing: { authMs: number | null; dbMs: number | null; queries: number; cached: number; guardMs: number | null; verify: "full" | "remembered" | null } | null;
  /**
   * Who refused the request: proxy.ts's quick check (`guard`), the route handler (`route`), or the
   * page's own check after a navigation (`page`) — from `X-Refused-By`, or from `?by=` on a redirect.
   */
  refusedBy?: "guard" | "route" | "page" | null;
  /**
   * A lab request that reports a verdict on a credential it carried for the visitor (a replayed
   * copy, a forged cookie): the request itself succeeded (200), the credential was accepted or not.
   */
  verdict?: { accepted: boolean; code: string | null } | null;
  /**
   * The step of the mode's flow this entry is, where its path cannot tell (lib/client/flow.ts
   * `stepOf`): a login by server action, a logout that sends no request.
   */
  step?: StepId;
};

/**
 * An entry's label and path as the timeline shows them: a `LabelKey` in the visitor's language,
 * and for a login by server action — Next's own POST to the page itself — "(this page)".
 */
export function useEntryText(): (entry: Pick<TimelineEntry, "label" | "path">) => { label: string; path: string } {
  const t = useTranslations("timeline");
  return ({ label, path }) => ({
    label: isLabelKey(label) ? t(`labels.${label}`) : label,
    path: label === "serverActionLogin" ? t("thisPage") : path,
  });
}

/** The verdict a lab answer reports (`{accepted, error}` or `{status, error}`), if it is one. */
export function verdictOf(body: unknown): TimelineEntry["verdict"] {
  if (!body || typeof body !== "object") return null;
  const b = body as { accepted?: unknown; status?: unknown; error?: unknown };
  const code = typeof b.error === "string" ? b.error : null;
  if (typeof b.accepted === "boolean") return { accepted: b.accepted, code };
  if (typeof b.status === "number" && "error" in b) return { accepted: b.status < 300, code };
  return null;
}

const MAX = 40;
const entries: Record<Mode, TimelineEntry[]> = { session: [], jwt: [], hybrid: [] };
const listeners = new Set<() => void>();
let nextId = 1;
const EMPTY: TimelineEntry[] = [];

export function record(mode: Mode, entry: Omit<TimelineEntry, "id" | "at">) {
  entries[mode] = [{ ...entry, id: nextId++, at: Date.now() }, ...entries[mode]].slice(0, MAX);
  listeners.forEach((l) => l());
}

export function useTimeline(mode: Mode): TimelineEntry[] {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => entries[mode],
    () => EMPTY,
  );
}

/** `auth;dur=0.08, db;dur=0.04;desc="1 query"` → numbers. */
export function parseServerTiming(header: string | null): TimelineEntry["timing"] {
  if (!header) return null;
  const dur = (name: string) => {
    const m = new RegExp(`(?:^|,)\\s*${name};dur=([\\d.]+)`).exec(header);
    return m ? Number(m[1]) : null;
  };
  const queries = /desc="(\d+) quer/.exec(header);
  const cached = /(?:^|,)\s*cache;desc="(\d+) rows?/.exec(header);
  const verify = /(?:^|,)\s*verify;desc="(full|remembered)"/.exec(header);
  return { authMs: dur("auth"), dbMs: dur("db"), queries: queries ? Number(queries[1]) : 0, cached: cached ? Number(cached[1]) : 0, guardMs: dur("guard"), verify: verify ? (verify[1] as "full" | "remembered") : null };
}

/** The request's login credentials, who attached them, and whether the route used them. */
export function credentialsOf(received: Received | null, sentAuthorization: boolean, path = ""): Credential[] {
  if (!received) return [];
  const out: Credential[] = received.cookies
    .filter((c) => /ll_(session|refresh|jwt)$/.test(c.name))
    .map((c) => ({ kind: "cookie", name: c.name, bytes: c.bytes, by: "browser", unused: !readsCookie(path, c.name) }));
  if (sentAuthorization && received.authorizationBytes > 0) {
    out.push({ kind: "authorization", name: "Authorization", bytes: received.authorizationBytes, by: "script" });
  }
  return out;
}

/**
 * Wraps a login server action so the panel's timeline shows it too. The action's own request is
 * Next's (a POST to this page), so only its outcome is recorded, not its headers; a failure shows
 * the status the JSON login route answers its code with.
 */
export function recordAction<S extends { status: string }>(mode: Mode, action: (prev: S, formData: FormData) => Promise<S>) {
  return async (prev: S, formData: FormData): Promise<S> => {
    const started = performance.now();
    let next: S;
    try {
      next = await action(prev, formData);
    } catch (error) {
      releaseLogin(mode);
      throw error;
    }
    const failed = next.status === "error" ? (next as unknown as { code: string }).code : null;
    // A login that set a cookie re-renders the page: the lock waits for it (lib/client/login-lock.ts).
    const setCookie = !failed && (mode !== "jwt" || (next as unknown as { transport?: string }).transport === "cookie");
    releaseLogin(mode, { awaitTree: setCookie });
    if (!failed) clearRefusal(mode);
    record(mode, {
      label: "serverActionLogin" satisfies LabelKey,
      method: "POST",
      path: "",
      status: failed ? ((next as unknown as { httpStatus?: number }).httpStatus ?? 400) : 200,
      ms: Math.round(performance.now() - started),
      code: failed,
      credentials: [],
      received: null,
      timing: null,
      step: "login",
    });
    return next;
  };
}
