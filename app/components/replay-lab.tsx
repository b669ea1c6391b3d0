"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi, errorCode } from "@/lib/client/api";
import { currentAccessToken, logoutHybrid } from "@/lib/client/hybrid-store";
import { forgetJwt, readStoredJwt } from "@/lib/client/jwt-store";
import { splitJwt } from "@/lib/client/jwt-parts";
import { Countdown } from "./countdown";
import { type Mode, MODES } from "./modes";

type Attempt = { what: string; accepted: boolean; code: string | null; afterMs: number };
type Captured = { session?: string; refresh?: string; token?: string; exp?: number };

const json = { "content-type": "application/json" };
const button = "rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Captures the current credential of a mode. Cookies are captured sealed, never handed to script. */
async function capture(mode: Mode): Promise<Captured | null> {
  if (mode === "session") {
    const r = await callApi("/api/session/lab/capture", { method: "POST" }, "session", "replay lab: capture");
    return r.status === 200 ? { session: (r.body as { capture: string }).capture } : null;
  }
  if (mode === "jwt") {
    const token = readStoredJwt();
    return token ? { token, exp: Number(splitJwt(token)?.payload.exp ?? 0) } : null;
  }
  const token = currentAccessToken();
  const r = await callApi("/api/hybrid/lab/capture", { method: "POST" }, "hybrid", "replay lab: capture");
  if (!token || r.status !== 200) return null;
  return { token, exp: Number(splitJwt(token)?.payload.exp ?? 0), refresh: (r.body as { capture: string }).capture };
}

async function logOut(mode: Mode, refresh: () => void) {
  if (mode === "session") {
    await callApi("/api/session/logout", { method: "POST" }, "session", "replay lab: log out");
    refresh();
  } else if (mode === "jwt") {
    const token = readStoredJwt();
    await callApi("/api/jwt/logout", { method: "POST", headers: token ? { Authorization: `Bearer ${token}` } : {} }, "jwt", "replay lab: log out");
    forgetJwt();
  } else {
    await logoutHybrid();
  }
}

/** Replays the captured credential; each answer is what the server would do with a stolen copy now. */
async function replay(mode: Mode, c: Captured, since: number): Promise<Attempt[]> {
  const after = () => Math.round(performance.now() - since);
  const out: Attempt[] = [];
  if (c.session) {
    const r = await callApi("/api/session/lab/replay", { method: "POST", headers: json, body: JSON.stringify({ capture: c.session }) }, "session", "replay lab: replay");
    const b = r.body as { accepted: boolean; error?: string };
    out.push({ what: "session cookie", accepted: b.accepted, code: b.error ?? null, afterMs: after() });
  }
  if (c.token) {
    const r = await callApi(`/api/${mode}/mypage`, { headers: { Authorization: `Bearer ${c.token}` } }, mode, "replay lab: replay");
    out.push({ what: "access token", accepted: r.status === 200, code: errorCode(r), afterMs: after() });
  }
  if (c.refresh) {
    const r = await callApi("/api/hybrid/lab/replay", { method: "POST", headers: json, body: JSON.stringify({ capture: c.refresh }) }, "hybrid", "replay lab: replay");
    const b = r.body as { accepted: boolean; error?: string };
    out.push({ what: "refresh token", accepted: b.accepted, code: b.error ?? null, afterMs: after() });
  }
  return out;
}

const EXPECT: Record<Mode, string> = {
  session: "Deleting the row ends the session: the replay should be refused at once.",
  jwt: "Nothing on the server to delete: the copy works until exp — unless the token was made revocable (deny-list).",
  hybrid: "The family is revoked: refresh refused at once; the short-lived access token lives out its exp.",
};

function ReplayCard({ mode }: { mode: Mode }) {
  const router = useRouter();
  const [captured, setCaptured] = useState<Captured | null>(null);
  const [loggedOutAt, setLoggedOutAt] = useState<number | null>(null);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const m = MODES[mode];
  const firstRefusal = attempts.find((a) => !a.accepted && a.what !== "access token");
  return (
    <div data-testid={`replay-${mode}`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 text-xs dark:border-zinc-800">
      <h3 className={`text-sm font-semibold ${m.accent.text}`}>{m.title}</h3>
      <p className="text-zinc-600 dark:text-zinc-400">{EXPECT[mode]}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={button}
          onClick={async () => {
            const c = await capture(mode);
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
            await logOut(mode, () => router.refresh());
            const at = performance.now();
            setLoggedOutAt(at);
            setAttempts(await replay(mode, captured as Captured, at));
          }}
        >
          2 · Log out, then replay at once
        </button>
        <button
          type="button"
          className={button}
          disabled={!captured || loggedOutAt === null}
          onClick={async () => {
            const more = await replay(mode, captured as Captured, loggedOutAt as number);
            setAttempts((prev) => [...prev, ...more]);
          }}
        >
          3 · Replay again
        </button>
      </div>
      {note ? <p className="text-zinc-500">{note}</p> : null}
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
          Time to rejection after logout: <strong>{(firstRefusal.afterMs / 1000).toFixed(2)} s</strong> (the first replay).
        </p>
      ) : null}
      {captured?.exp && attempts.some((a) => a.what === "access token" && a.accepted) ? (
        <p data-testid={`still-valid-${mode}`}>
          The captured access token stays usable for <Countdown until={captured.exp * 1000} label="" /> more — nothing on the server can stop it.
        </p>
      ) : null}
    </div>
  );
}

/** The revocation lab (S4, T8): capture, log out, replay — and how long until the copy stops working. */
export function ReplayLab() {
  return (
    <section aria-labelledby="replay-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <header>
        <h2 id="replay-title" className="text-lg font-semibold">
          Replay after logout
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Capture the credential as a thief would, log out, then replay the copy. A captured cookie is sealed again by the server, so page script never
          holds its value; the lab replays it and reports only accepted or refused.
        </p>
      </header>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
        <ReplayCard mode="session" />
        <ReplayCard mode="jwt" />
        <ReplayCard mode="hybrid" />
      </div>
    </section>
  );
}
