"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ApiResult } from "@/lib/client/api";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { ProtectedData } from "./protected-data";
import { type Mode, MODES } from "./modes";
import { When } from "./when";
import { code, strong } from "@/app/components/rich-tags";

export type TokenPageState = { phase: "loading" } | { phase: "no-token" } | { phase: "done"; result: ApiResult };

type Claims = { exp: number; jti: string; aud: string };
type Body = { user?: { id: string; username: string; displayName: string }; claims?: Claims; error?: string; message?: string; detail?: unknown };


/**
 * The /mypage of a header-based mode. The navigation that loaded this page carried no token, so
 * nothing protected is in the HTML: script fetches the data with the token, and the API verifies it.
 * `noToken` says why nothing was asked when this browser holds no token at all.
 */
export function TokenPage({ mode, state, noToken, explain, guard }: { mode: Mode; state: TokenPageState; noToken: ReactNode; explain: ReactNode; guard: ReactNode }) {
  const m = MODES[mode];
  const t = useTranslations("tokenPage");
  const modeName = useTranslations("modes")(`${mode}.title`);
  const explainError = useAuthErrorMessage();
  const route = `GET /api/${mode}/mypage`;
  const guardNote = (
    <p data-testid="guard-note" className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
      {guard}
    </p>
  );
  const login = `/?next=/${mode}/mypage&reason=token_missing#${mode}`;
  if (state.phase === "loading")
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("checking", { route })}</p>
        {guardNote}
      </div>
    );
  if (state.phase === "no-token" || state.result.status !== 200) {
    const body = state.phase === "done" ? (state.result.body as Body) : null;
    // The server's reason, in the visitor's language when its code is one the messages know.
    const refusal = body?.error ? explainError(body.error, body.message ?? "", body.detail) : (body?.message ?? "");
    return (
      <div data-testid="token-refused" className="flex max-w-2xl flex-col gap-3">
        <h1 className={`text-2xl font-semibold ${m.accent.text}`}>{t("title", { mode: modeName })}</h1>
        <p className="rounded-md bg-zinc-200/60 p-3 text-sm dark:bg-zinc-800">{explain}</p>
        {state.phase === "no-token" ? (
          <p className="text-sm">{noToken}</p>
        ) : (
          <p className="text-sm">
            {t.rich("refused", { message: refusal, strong })}{" "}
            <code className="font-mono text-xs">({body?.error})</code>
          </p>
        )}
        <Link href={login} className={`self-start rounded-md px-4 py-2 text-sm font-semibold ${m.accent.button}`}>
          {t("logIn", { mode: modeName })}
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
          <p>{t.rich("proof", { route, code })}</p>
          <p className="mt-2 text-sm">
            {t.rich("claims", {
              jti: body.claims?.jti ?? "",
              aud: body.claims?.aud ?? "",
              code,
              when: () => (body.claims ? <When at={body.claims.exp * 1000} /> : "?"),
            })}
          </p>
          <div className="mt-2">{guardNote}</div>
          <Link href="/" className="mt-3 inline-block underline">
            {t("back")}
          </Link>
        </>
      }
    />
  );
}
