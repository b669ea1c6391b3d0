"use client";

import { useState } from "react";
import { requestThrowawayAccount, useThrowawayAccount } from "@/lib/client/demo-account";
import { SECONDARY_BUTTON } from "./controls";
import { Countdown } from "./countdown";
import type { Mode } from "./modes";
import { When } from "./when";

type Status = { tone: "ok" | "error"; text: string; retryAt?: number };

/**
 * "Get a throwaway account": one click asks the server for an account of the visitor's own and
 * fills it into all three login forms (they share it through lib/client/demo-account.ts). In
 * public mode it is the only way in; in a private deployment a choice next to the shared users.
 *
 * The button stays the same element when its label changes, so keyboard focus stays on it; only
 * the panel whose button was pressed announces the result.
 */
export function ThrowawayAccount({ mode, publicMode }: { mode: Mode; publicMode: boolean }) {
  const account = useThrowawayAccount();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const get = async () => {
    setBusy(true);
    setStatus(null);
    const r = await requestThrowawayAccount();
    setBusy(false);
    setStatus(
      r.ok
        ? { tone: "ok", text: `Created ${r.account.username} and filled it into the login forms.` }
        : { tone: "error", text: r.message, retryAt: r.retryAt },
    );
  };

  return (
    <div data-testid={`throwaway-${mode}`} className="flex flex-col gap-2 rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
      {account ? (
        <p data-testid="throwaway-account">
          Your throwaway account <code className="font-mono text-zinc-900 dark:text-zinc-100">{account.username}</code>, deleted at{" "}
          <When at={account.expiresAt} />. Only you have its password.
        </p>
      ) : publicMode ? (
        <p>
          <strong className="font-semibold text-zinc-900 dark:text-zinc-100">No shared accounts here.</strong> Get one of your own, for you alone: it
          fills in all three forms and is deleted after a while.
        </p>
      ) : (
        <p>Or get an account of your own, so that nobody else sees or ends your sessions: it fills in all three forms.</p>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <button type="button" onClick={get} disabled={busy} className={`${SECONDARY_BUTTON} disabled:opacity-60`}>
          {busy ? "Creating an account…" : account ? "Get a new throwaway account" : "Get a throwaway account"}
        </button>
        <p role="status" className={status?.tone === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}>
          {status?.text}
        </p>
        {status?.retryAt ? <Countdown until={status.retryAt} label="Try again in" /> : null}
      </div>
    </div>
  );
}
