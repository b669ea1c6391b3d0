"use client";

import { useTranslations } from "next-intl";
import { startTransition, useEffect, useRef, useState } from "react";
import type { LoginFormState } from "@/lib/auth/form-login";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { useThrowawayAccount } from "@/lib/client/demo-account";
import { enqueueLogin, releaseLogin, useLoginTurn } from "@/lib/client/login-lock";
import { Countdown } from "./countdown";
import { type Mode, MODES } from "./modes";
import { ThrowawayAccount } from "./throwaway-account";
import { code } from "@/app/components/rich-tags";

type Props = {
  mode: Mode;
  formAction: (formData: FormData) => void;
  pending: boolean;
  state: LoginFormState | { status: "ok" };
  next: string | null;
  /** The shared demo users' password; null in public mode, where there are no shared users. */
  demoPassword: string | null;
  /** A mode-specific choice made at login (a checkbox), its label in the page's language. */
  option?: { name: string; label: string };
};

const input =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 aria-[invalid=true]:border-red-500";

/**
 * The login form every panel uses, driven by that mode's server action. It starts filled with the
 * visitor's throwaway account when there is one; otherwise with alice and the shared demo password
 * (which is public: the panel prints it), except in public mode (no demo password), where alice does not exist.
 */
export function LoginForm({ mode, formAction, pending, state, next, demoPassword, option }: Props) {
  const m = MODES[mode];
  const t = useTranslations("loginForm");
  const modeName = useTranslations("modes")(`${mode}.title`);
  const explain = useAuthErrorMessage();
  const error = state.status === "error" ? state : null;
  const ids = { user: `${mode}-username`, pass: `${mode}-password`, err: `${mode}-login-error` };
  const publicMode = demoPassword === null;
  const account = useThrowawayAccount();
  const username = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  // While a 429's countdown runs the button says so and stays disabled; it wakes up when the wait ends.
  const [now, setNow] = useState(() => Date.now());
  const retryAt = error?.retryAt ?? 0;
  useEffect(() => {
    setNow(Date.now());
    const left = retryAt - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), left + 50);
    return () => clearTimeout(timer);
  }, [retryAt]);
  const waiting = retryAt > now;
  // One login at a time across the panels (lib/client/login-lock.ts): a submit queues this panel's login.
  const { turn, otherRunning } = useLoginTurn(mode);
  const queued = turn === "queued";
  useEffect(() => () => releaseLogin(mode), [mode]);
  return (
    <form
      id={`${mode}-login-form`}
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        enqueueLogin(mode, () => startTransition(() => formAction(data)));
      }}
      className="flex flex-col gap-3"
      aria-describedby={error ? ids.err : undefined}
      noValidate
    >
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {publicMode ? <ThrowawayAccount mode={mode} publicMode /> : null}
      {/* Username and password side by side: the panel's login button stays on the first screen. */}
      <div className="grid grid-cols-2 gap-3">
      <div className="grid min-w-0 content-start gap-1">
        <label htmlFor={ids.user} className="text-sm font-medium">
          {t("username")}
        </label>
        <input
          id={ids.user}
          name="username"
          type="text"
          autoComplete="username"
          defaultValue={error?.username || account?.username || (publicMode ? "" : "alice")}
          ref={username}
          aria-invalid={Boolean(error?.fieldErrors?.username)}
          className={`${input} ${m.accent.ring}`}
        />
        {error?.fieldErrors?.username ? <p className="text-sm text-red-600 dark:text-red-400">{error.fieldErrors.username.join(" ")}</p> : null}
      </div>
      <div className="grid min-w-0 content-start gap-1">
        <label htmlFor={ids.pass} className="text-sm font-medium">
          {t("password")}
        </label>
        <input
          id={ids.pass}
          name="password"
          type="password"
          autoComplete="current-password"
          // The shared demo password is public (it is printed below), so the form comes filled in.
          defaultValue={account?.password ?? demoPassword ?? undefined}
          ref={password}
          aria-invalid={Boolean(error?.fieldErrors?.password)}
          className={`${input} ${m.accent.ring}`}
        />
        {error?.fieldErrors?.password ? <p className="text-sm text-red-600 dark:text-red-400">{error.fieldErrors.password.join(" ")}</p> : null}
      </div>
      </div>
      {option ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={option.name} className="h-4 w-4" />
          {option.label}
        </label>
      ) : null}
      {demoPassword ? (
        <div className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich("demoUsers", { code })}{" "}
          <code className="font-mono" data-testid="demo-password">
            {demoPassword}
          </code>{" "}
          <ThrowawayAccount mode={mode} publicMode={false} />
        </div>
      ) : null}
      {error && !error.fieldErrors ? (
        <p id={ids.err} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {explain(error.code, error.message)}
          {error.retryAt ? (
            <>
              {" "}
              <Countdown until={error.retryAt} label={t("tryAgainIn")} />
            </>
          ) : null}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending || waiting || queued}
        aria-describedby={waiting ? ids.err : undefined}
        className={`rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 ${m.accent.button} ${m.accent.ring}`}
      >
        {pending ? t("loggingIn") : waiting ? t("waitCountdown") : queued ? t("logsInNext") : t(otherRunning ? "loginAfterOther" : "login", { mode: modeName, modeId: mode })}
      </button>
    </form>
  );
}
