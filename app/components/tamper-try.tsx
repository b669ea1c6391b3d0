"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type ApiResult, callApi, errorCode } from "@/lib/client/api";
import type { Mode } from "@/lib/client/modes";
import { code, strong } from "@/app/components/rich-tags";

/** Flips one character of the payload part: the smallest possible tamper. */
function alterOneCharacter(token: string): { token: string; at: number; from: string; to: string } {
  const [h, p, s] = token.split(".");
  const at = Math.floor(p.length / 2);
  const from = p[at];
  const to = from === "A" ? "B" : "A";
  return { token: `${h}.${p.slice(0, at)}${to}${p.slice(at + 1)}.${s}`, at: h.length + 1 + at, from, to };
}

/** "Change one character": sends the altered token to the mode's API and shows the refusal. Both token modes show it. */
export function TamperTry({ token, mode }: { token: string; mode: Exclude<Mode, "session"> }) {
  const [result, setResult] = useState<{ change: ReturnType<typeof alterOneCharacter>; api: ApiResult } | null>(null);
  const t = useTranslations("tamperTry");
  return (
    <div className="flex flex-col gap-1 text-sm">
      <button
        type="button"
        onClick={async () => {
          const change = alterOneCharacter(token);
          const api = await callApi(`/api/${mode}/mypage`, { headers: { Authorization: `Bearer ${change.token}` } }, mode, "tampered token");
          setResult({ change, api });
        }}
        className="self-start rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t("send")}
      </button>
      {result ? (
        <p data-testid={`tamper-result-${mode}`}>
          {t.rich("result", {
            position: result.change.at + 1,
            from: result.change.from,
            to: result.change.to,
            status: result.api.status,
            reason: errorCode(result.api) ?? "",
            code,
            strong,
            error: (chunks) => <code className="font-mono text-red-700 dark:text-red-400">{chunks}</code>,
          })}
        </p>
      ) : null}
    </div>
  );
}
