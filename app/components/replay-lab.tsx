"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { callApi, errorCode } from "@/lib/client/api";
export { captureCookie } from "@/lib/client/capture";
import { expOf } from "@/lib/client/jwt-parts";
import { Countdown } from "./countdown";
import { When } from "./when";
import { type Mode, MODES } from "./modes";
import { strong } from "@/app/components/rich-tags";

/** What a replay presents; its name is a message (`replayLab.credential.<id>`). */
export type Credential = "sessionCookie" | "jwtCookie" | "refreshToken" | "accessToken";

/**
 * One replay of a captured credential: what was replayed, the server's answer, and when after
 * logout. An access token also brings its `exp` (seconds): no logout ends it sooner. `again`: sent
 * by "Replay again", when the visitor pressed it; otherwise the moment logout had finished, so
 * `afterMs` is only that request's round trip.
 */
type Attempt = { what: Credential; accepted: boolean; code: string | null; afterMs: number; exp?: number; again?: boolean };

/**
 * What the card hands a replay: `after()` is the time since logout, stamped on each answer as it
 * comes; `label` names the request in the panel's timeline, in the visitor's language.
 */
export type Replaying = { after: () => number; label: string };

/** A mode's three steps, written in its own folder (app/<mode>/<mode>-replay.tsx); the card around them is the same for all. */
type Steps<C> = {
  /** Copies the current credential as a thief would; null when this browser is not logged in. */
  capture: () => Promise<C | null>;
  logOut: () => Promise<void>;
  /** Replays the copy, passing `replaying` on to replayCookie / replayToken. */
  replay: (captured: C, replaying: Replaying) => Promise<Attempt[]>;
};

const json = { "content-type": "application/json" };
const button = "rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Presents a captured cookie; the server answers only whether it was accepted, and why not. */
export async function replayCookie(mode: "session" | "hybrid" | "jwt", capture: string, what: Credential, { after, label }: Replaying): Promise<Attempt> {
  const r = await callApi(`/api/${mode}/lab/replay`, { method: "POST", headers: json, body: JSON.stringify({ capture }) }, mode, label);
  const b = r.body as { accepted: boolean; error?: string; exp?: number };
  return { what, accepted: b.accepted, code: b.error ?? null, afterMs: after(), ...(typeof b.exp === "number" ? { exp: b.exp } : {}) };
}

/** Sends a captured access token to the mode's API, as its thief would. */
export async function replayToken(mode: "jwt" | "hybrid", token: string, { after, label }: Replaying): Promise<Attempt> {
  const r = await callApi(`/api/${mode}/mypage`, { headers: { Authorization: `Bearer ${token}` } }, mode, label);
  return { what: "accessToken", accepted: r.status === 200, code: errorCode(r), afterMs: after(), exp: expOf(token) };
}

/** One mode's column of the replay lab: capture, log out and replay at once, replay again. */
export function ReplayCard<C>({ mode, expect, capture, logOut, replay }: { mode: Mode; expect: string } & Steps<C>) {
  const [captured, setCaptured] = useState<C | null>(null);
  const [loggedOutAt, setLoggedOutAt] = useState<number | null>(null);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const t = useTranslations("replayLab");
  const modes = useTranslations("modes");
  const format = useFormatter();
  const m = MODES[mode];
  const title = modes(`${mode}.title`);
  const replaying = (at: number): Replaying => ({ after: () => Math.round(performance.now() - at), label: t("timelineLabel") });
  const seconds = (ms: number) => format.number(ms / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const firstRefusal = attempts.find((a) => !a.accepted && a.what !== "accessToken");
  const stillValid = attempts.find((a) => a.accepted && a.exp);
  const usableUntil = stillValid?.exp;
  return (
    <div data-testid={`replay-${mode}`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <h3 className={`text-sm font-semibold ${m.accent.text}`}>{title}</h3>
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
            setNote(c ? t("captured") : t("logInFirst", { mode: title }));
          }}
        >
          {t("capture")}
        </button>
        <button
          type="button"
          className={button}
          disabled={!captured || loggedOutAt !== null}
          onClick={async () => {
            await logOut();
            const at = performance.now();
            setLoggedOutAt(at);
            setAttempts((await replay(captured as C, replaying(at))).map((a) => ({ ...a, again: false })));
          }}
        >
          {t("logOutThenReplay")}
        </button>
        <button
          type="button"
          className={button}
          disabled={!captured || loggedOutAt === null}
          onClick={async () => {
            const more = await replay(captured as C, replaying(loggedOutAt as number));
            setAttempts((prev) => [...prev, ...more.map((a) => ({ ...a, again: true }))]);
          }}
        >
          {t("replayAgain")}
        </button>
      </div>
      {note ? <p className="text-zinc-600 dark:text-zinc-400">{note}</p> : null}
      {attempts.length ? (
        <ul data-testid={`replay-results-${mode}`} className="flex flex-col gap-0.5 font-mono">
          {attempts.map((a, i) => (
            <li key={i} data-testid="replay-attempt" data-accepted={a.accepted} className={a.accepted ? "text-amber-700 dark:text-amber-400" : "text-green-700 dark:text-green-400"}>
              {t("attempt", {
                seconds: seconds(a.afterMs),
                what: t(`credential.${a.what}`),
                verdict: a.accepted ? t("accepted") : t("refused", { code: a.code ?? "" }),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {firstRefusal ? (
        <p data-testid={`time-to-reject-${mode}`} data-again={firstRefusal.again ? "yes" : "no"}>
          {t.rich("timeToReject", {
            again: firstRefusal.again ? "yes" : "no",
            credential: firstRefusal.what,
            what: t(`credential.${firstRefusal.what}`),
            seconds: seconds(firstRefusal.afterMs),
            code: firstRefusal.code ?? "",
            strong,
            reason: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </p>
      ) : null}
      {stillValid && usableUntil ? (
        <p data-testid={`still-valid-${mode}`}>
          {t.rich("stillValid", {
            credential: stillValid.what,
            what: t(`credential.${stillValid.what}`),
            when: () => <When at={usableUntil * 1000} />,
            countdown: () => <Countdown until={usableUntil * 1000} label="" />,
          })}
        </p>
      ) : null}
    </div>
  );
}

/** The revocation lab (S4, T8): capture, log out, replay — and how long until the copy stops working. One column a mode. */
export function ReplayLab({ children }: { children: ReactNode }) {
  const t = useTranslations("replayLab");
  return (
    <section id="replay-lab" aria-labelledby="replay-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header>
        <h2 id="replay-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      </header>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">{children}</div>
    </section>
  );
}
