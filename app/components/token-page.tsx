"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ApiResult } from "@/lib/client/api";
import { ProtectedData } from "./protected-data";
import { type Mode, MODES } from "./modes";
import { When } from "./when";

export type TokenPageState = { phase: "loading" } | { phase: "no-token"; why: string } | { phase: "done"; result: ApiResult };

type Claims = { exp: number; jti: string; aud: string };
type Body = { user?: { id: string; username: string; displayName: string }; claims?: Claims; error?: string; message?: string };

/**
 * The /mypage of a header-based mode. The navigation that loaded this page carried no token, so
 * nothing protected is in the HTML: script fetches the data with the token, and the API verifies it.
 */
export function TokenPage({ mode, state, explain, guard }: { mode: Mode; state: TokenPageState; explain: ReactNode; guard: ReactNode }) {
  const m = MODES[mode];
  const guardNote = (
    <p data-testid="guard-note" className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
      {guard}
    </p>
  );
  const login = `/?next=/${mode}/mypage&reason=token_missing#${mode}`;
  if (state.phase === "loading")
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Checking your token with GET /api/{mode}/mypage…</p>
        {guardNote}
      </div>
    );
  if (state.phase === "no-token" || state.result.status !== 200) {
    const body = state.phase === "done" ? (state.result.body as Body) : null;
    return (
      <div data-testid="token-refused" className="flex max-w-2xl flex-col gap-3">
        <h1 className={`text-2xl font-semibold ${m.accent.text}`}>{m.title} · my page</h1>
        <p className="rounded-md bg-zinc-200/60 p-3 text-sm dark:bg-zinc-800">{explain}</p>
        {state.phase === "no-token" ? (
          <p className="text-sm">{state.why}</p>
        ) : (
          <p className="text-sm">
            The API refused the token: <strong>{body?.message}</strong> <code className="font-mono text-xs">({body?.error})</code>
          </p>
        )}
        <Link href={login} className={`self-start rounded-md px-4 py-2 text-sm font-semibold ${m.accent.button}`}>
          Log in on the {m.title} panel
        </Link>
        {guardNote}
      </div>
    );
  }
  const body = state.result.body as Body;
  return (
    <ProtectedData
      mode={mode}
      user={body.user as NonNullable<Body["user"]>}
      proof={
        <>
          <p>
            This page&apos;s script sent <code className="font-mono">Authorization: Bearer …</code> to{" "}
            <code className="font-mono">GET /api/{mode}/mypage</code>. The server checked the signature and claims — no store lookup — and
            answered with your data.
          </p>
          <p className="mt-2 text-sm">
            token id <code className="font-mono">{body.claims?.jti}</code> · audience <code className="font-mono">{body.claims?.aud}</code> · expires{" "}
            {body.claims ? <When at={body.claims.exp * 1000} /> : "?"}
          </p>
          <div className="mt-2">{guardNote}</div>
          <Link href="/" className="mt-3 inline-block underline">
            Back to the panels
          </Link>
        </>
      }
    />
  );
}
