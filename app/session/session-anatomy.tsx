"use client";

import { useState } from "react";
import { callApi } from "@/lib/client/api";

type Inspect = { cookie: { name: string; value: string; bytes: number }; unsealed: { t: string }; storedAs: { id: string; note: string } };

/**
 * The session cookie as the browser holds it. Page script cannot read an HttpOnly cookie, so the
 * server hands it back — only to the session's owner — with what it unseals from it.
 */
export function SessionAnatomy() {
  const [data, setData] = useState<Inspect | null>(null);
  return (
    <div className="flex flex-col gap-2 text-sm">
      <button
        type="button"
        onClick={async () => {
          const r = await callApi("/api/session/inspect", {}, "session", "inspect");
          if (r.status === 200) setData(r.body as Inspect);
        }}
        className="self-start rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Show the sealed cookie and what the server unseals
      </button>
      {data ? (
        <div data-testid="session-anatomy" className="flex flex-col gap-1.5">
          <div className="flex items-start gap-2">
            <code className="min-w-0 flex-1 font-mono break-all text-zinc-700 dark:text-zinc-300">
              {data.cookie.name}={data.cookie.value}
            </code>
          </div>
          <p>
            Shown shortened: the whole value never reaches page script, or an injected script could read it here. {data.cookie.bytes} bytes,{" "}
            <strong>encrypted and MAC&apos;d</strong> (iron, AES-256-CBC + HMAC-SHA-256): without the server&apos;s secret nobody
            can read or change it — unlike a JWT, whose payload anyone can decode.
          </p>
          <p>
            The server unseals: <code className="font-mono">{JSON.stringify(data.unsealed)}</code> — a random token and nothing else. It looks the
            session up by <code className="font-mono">{data.storedAs.id}</code> ({data.storedAs.note}).
          </p>
        </div>
      ) : null}
    </div>
  );
}
