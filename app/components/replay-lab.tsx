"use client";

import { type ReactNode, useState } from "react";
import { callApi, errorCode } from "@/lib/client/api";
export { captureCookie } from "@/lib/client/capture";
import { expOf } from "@/lib/client/jwt-parts";
import { Countdown } from "./countdown";
import { When } from "./when";
import { type Mode, MODES } from "./modes";

/**
 * One replay of a captured credential: what was replayed, the server's answer, and when after
 * logout. An access token also brings its `exp` (seconds): no logout ends it sooner.
 */
type Attempt = { what: string; accepted: boolean; code: string | null; afterMs: number; exp?: number };

/** A mode's three steps, written in its own folder (app/<mode>/<mode>-replay.tsx); the card around them is the same for all. */
type Steps<C> = {
  /** Copies the current credential as a thief would; null when this browser is not logged in. */
  capture: () => Promise<C | null>;
  logOut: () => Promise<void>;
  /** Replays the copy; `after()` is the time since logout, stamped on each answer as it comes. */
  replay: (captured: C, after: () => number) => Promise<Attempt[]>;
};

const json = { "content-type": "application/json" };
const button = "rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Presents a captured cookie; the server answers only whether it was accepted, and why not. */
export async function replayCookie(mode: "session" | "hybrid" | "jwt", capture: string, what: string, after: () => number): Promise<Attempt> {
  const r = await callApi(`/api/${mode}/lab/replay`, { method: "POST", headers: json, body: JSON.stringify({ capture }) }, mode, "replay lab: replay");
  const b = r.body as { accepted: boolean; error?: string; exp?: number };
  return { what, accepted: b.accepted, code: b.error ?? null, afterMs: after(), ...(typeof b.exp === "number" ? { exp: b.exp } : {}) };
}

/** Sends a captured access token to the mode's API, as its thief would. */
export async function replayToken(mode: "jwt" | "hybrid", token: string, after: () => number): Promise<Attempt> {
  const r = await callApi(`/api/${mode}/mypage`, { headers: { Authorization: `Bearer ${token}` } }, mode, "replay lab: replay");
  return { what: "access token", accepted: r.status === 200, code: errorCode(r), afterMs: after(), exp: expOf(token) };
}

/** One mode's column of the replay lab: capture, log out and replay at once, replay again. */
export function ReplayCard<C>({ mode, expect, capture, logOut, replay }: { mode: Mode; expect: string } & Steps<C>) {
  const [captured, setCaptured] = useState<C | null>(null);
  const [loggedOutAt, setLoggedOutAt] = useState<number | null>(null);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const m = MODES[mode];
  const since = (at: number) => () => Math.round(performance.now() - at);
  const firstRefusal = attempts.find((a) => !a.accepted && a.what !== "access token");
  const usableUntil = attempts.find((a) => a.accepted && a.exp)?.exp;
  return (
    <div data-testid={`replay-${mode}`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <h3 className={`text-sm font-semibold ${m.accent.text}`}>{m.title}</h3>
      <p className="text-zinc-600 dark:text-zinc-400">{expect}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={button}
          onClick={async () => {
            const c = await capture();
            setCaptured(c);
            setAttempts([]);
            setLoggedOutAt(null);
            setNote(c ? "Captured." : `Log in on the ${m.title} panel first.`);
          }}
        >
          1 · Capture
        </button>
        <button
          type="button"
          className={button}
          disabled={!captured || loggedOutAt !== null}
          onClick={async () => {
            await logOut();
            const at = performance.now();
            setLoggedOutAt(at);
            setAttempts(await replay(captured as C, since(at)));
          }}
        >
          2 · Log out, then replay at once
        </button>
        <button
          type="button"
          className={button}
          disabled={!captured || loggedOutAt === null}
          onClick={async () => {
            const more = await replay(captured as C, since(loggedOutAt as number));
            setAttempts((prev) => [...prev, ...more]);
          }}
        >
          3 · Replay again
        </button>
      </div>
      {note ? <p className="text-zinc-600 dark:text-zinc-400">{note}</p> : null}
      {attempts.length ? (
        <ul data-testid={`replay-results-${mode}`} className="flex flex-col gap-0.5 font-mono">
          {attempts.map((a, i) => (
            <li key={i} data-testid="replay-attempt" data-accepted={a.accepted} className={a.accepted ? "text-amber-700 dark:text-amber-400" : "text-green-700 dark:text-green-400"}>
              +{(a.afterMs / 1000).toFixed(2)} s · {a.what}: {a.accepted ? "ACCEPTED" : `refused (${a.code})`}
            </li>
          ))}
        </ul>
      ) : null}
      {firstRefusal ? (
        <p data-testid={`time-to-reject-${mode}`}>
          The {firstRefusal.what} was rejected <strong>{(firstRefusal.afterMs / 1000).toFixed(2)} s</strong> after logout (its first replay),{" "}
          <code className="font-mono">{firstRefusal.code}</code>.
        </p>
      ) : null}
      {usableUntil ? (
        <p data-testid={`still-valid-${mode}`}>
          But the captured {attempts.find((a) => a.accepted && a.exp)?.what} still works — until its exp, <When at={usableUntil * 1000} /> (
          <Countdown until={usableUntil * 1000} label="" /> left): nothing on the server can stop it.
        </p>
      ) : null}
    </div>
  );
}

/** The revocation lab (S4, T8): capture, log out, replay — and how long until the copy stops working. One column a mode. */
export function ReplayLab({ children }: { children: ReactNode }) {
  return (
    <section id="replay-lab" aria-labelledby="replay-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header>
        <h2 id="replay-title" className="text-lg font-semibold">
          Replay after logout
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Capture the credential as a thief would, log out, then replay the copy. A captured cookie is sealed again by the server, so page script never
          holds its value; the lab replays it and reports only accepted or refused.
        </p>
      </header>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">{children}</div>
    </section>
  );
}
