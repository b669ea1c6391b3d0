"use client";

import { useState } from "react";
import { callApi, errorCode } from "@/lib/client/api";
import { readStoredJwt } from "@/lib/client/jwt-store";

const TOKEN_KINDS = [
  ["sub_edited", "payload edited (sub → admin)"],
  ["alg_none", "alg: none"],
  ["hs256_with_public_key", "HS256 keyed with the public key"],
  ["expired", "expired"],
  ["not_yet_valid", "not yet valid"],
  ["wrong_iss", "wrong iss"],
  ["wrong_aud", "wrong aud"],
  ["wrong_typ", "wrong typ"],
  ["unknown_kid", "unknown kid"],
  ["jku_header", "jku header"],
  ["x5u_header", "x5u header"],
  ["embedded_jwk", "embedded jwk"],
] as const;
const COOKIE_KINDS = [
  ["session_tampered", "tampered session cookie"],
  ["session_garbage", "garbage session cookie"],
] as const;

type Row = { label: string; status: number | null; code: string | null };
const json = { "content-type": "application/json" };

/** One click per forgery: it is sent for real, and the refusal and its reason are shown. */
export function ForgeLab() {
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [note, setNote] = useState<string | null>(null);
  const put = (kind: string, row: Row) => setRows((r) => ({ ...r, [kind]: row }));

  const forgeToken = async (kind: string, label: string) => {
    const token = readStoredJwt();
    if (!token) return setNote("Log in on the JWT panel first: the forgeries start from your token.");
    setNote(null);
    const made = await callApi("/api/lab/forge", { method: "POST", headers: json, body: JSON.stringify({ kind, token }) });
    const forged = (made.body as { forged?: string }).forged;
    if (!forged) return put(kind, { label, status: made.status, code: errorCode(made) });
    const r = await callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${forged}` } }, "jwt", `forged: ${label}`);
    put(kind, { label, status: r.status, code: errorCode(r) });
  };
  const forgeCookie = async (kind: string, label: string) => {
    const r = await callApi("/api/lab/forge", { method: "POST", headers: json, body: JSON.stringify({ kind }) }, "session", `forged: ${label}`);
    const b = r.body as { status?: number; error?: string };
    put(kind, { label, status: b.status ?? r.status, code: b.error ?? errorCode(r) });
  };

  const button = "rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <section aria-labelledby="forge-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header>
        <h2 id="forge-title" className="text-lg font-semibold">
          Forged credentials
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Each button forges a credential from yours and sends it. Every one must be refused; the reason code says which check caught it.
        </p>
      </header>
      <div className="flex flex-wrap gap-2">
        {TOKEN_KINDS.map(([kind, label]) => (
          <button key={kind} type="button" className={button} onClick={() => forgeToken(kind, label)}>
            {label}
          </button>
        ))}
        {COOKIE_KINDS.map(([kind, label]) => (
          <button key={kind} type="button" className={button} onClick={() => forgeCookie(kind, label)}>
            {label}
          </button>
        ))}
      </div>
      {note ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{note}</p> : null}
      {Object.keys(rows).length ? (
        <ul data-testid="forge-results" className="grid grid-cols-1 gap-1 font-mono text-xs sm:grid-cols-2">
          {Object.entries(rows).map(([kind, r]) => (
            <li key={kind} data-testid={`forge-${kind}`} className={r.status === 200 ? "text-red-700" : "text-green-700 dark:text-green-400"}>
              {r.label}: {r.status} {r.code}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
