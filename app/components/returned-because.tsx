"use client";

import { useEffect } from "react";
import { knownAuthError } from "@/lib/client/auth-errors";
import type { Mode } from "@/lib/client/modes";
import { record } from "@/lib/client/timeline";
import type { RefusedBy } from "@/lib/login-panel";

const NEEDS: Record<Mode, string> = { session: "a session", jwt: "a JWT", hybrid: "an access token" };
const WHO: Record<RefusedBy, string> = {
  guard: "proxy.ts (the guard) sent you back before the page ran",
  page: "the page's own check sent you back",
};

/** Navigations this page has already put in a timeline: a re-render must not add another. */
const recorded = new Set<string>();

/**
 * Why a visitor is back on a panel after trying a /mypage: who refused it (the guard or the page),
 * and the reason code. The refused navigation also goes into the panel's timeline, which cannot see
 * navigations by itself.
 */
export function ReturnedBecause({ mode, reason, next, by }: { mode: Mode; reason: string; next: string | null; by: RefusedBy | null }) {
  const known = knownAuthError(reason);
  useEffect(() => {
    const key = `${mode}|${reason}|${next}|${by}|${window.location.search}`;
    if (recorded.has(key)) return;
    recorded.add(key);
    record(mode, {
      label: by === "guard" ? "page navigation, redirected to this panel" : "redirected to this panel",
      method: "GET",
      path: next ?? `/${mode}/mypage`,
      status: 307,
      ms: null,
      code: reason,
      credentials: [],
      received: null,
      timing: null,
      refusedBy: by,
    });
  }, [mode, reason, next, by]);
  return (
    <p role="status" data-testid={`${mode}-returned`} data-refused-by={by ?? ""} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
      {next ? (
        <>
          <code className="font-mono">{next}</code> needs {NEEDS[mode]}.{" "}
        </>
      ) : null}
      {by ? `${WHO[by]}: ` : null}
      {known?.message ?? "Log in here."} <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{reason}</code>
    </p>
  );
}
