"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { ApiCall } from "@/app/components/api-call";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { Countdown } from "@/app/components/countdown";
import { JwtView } from "@/app/components/jwt-view";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, formStatus, Panel, type PanelStatus } from "@/app/components/panel";
import { TamperTry } from "@/app/components/tamper-try";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import { callApi } from "@/lib/client/api";
import { splitJwt } from "@/lib/client/jwt-parts";
import { forgetJwt, JWT_STORAGE_KEY, readStoredJwt, storeJwt, useStoredJwt } from "@/lib/client/jwt-store";
import { record, recordAction } from "@/lib/client/timeline";
import { loginJwt } from "./actions";

/** The login action, recorded in this panel's timeline. */
const login = recordAction("jwt", loginJwt);

type Props = { next: string | null; reason: string | null; demoPassword: string | null };

const bearer = (): HeadersInit => {
  const token = readStoredJwt();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

export function JwtPanel({ next, reason, demoPassword }: Props) {
  const [state, formAction, pending] = useActionState(login, { status: "idle" });
  const token = useStoredJwt();
  const router = useRouter();
  const [forgotten, setForgotten] = useState<{ token: string; exp: number; denied: boolean } | null>(null);
  const m = MODES.jwt;

  useEffect(() => {
    if (state.status !== "ok") return;
    storeJwt(state.accessToken);
    setForgotten(null);
    if (next) router.push(next);
  }, [state, next, router]);

  const parts = token ? splitJwt(token) : null;
  const exp = Number(parts?.payload.exp ?? 0) * 1000;
  const status: PanelStatus =
    token === undefined ? { label: "Reading…", tone: "pending" } : parts && exp <= Date.now() ? { label: "Token expired", tone: "warn" } : formStatus(Boolean(parts), pending, state);

  return (
    <Panel mode="jwt" subtitle="jose, EdDSA" status={status}>
      {token === undefined ? (
        <p className="text-sm text-zinc-500">Reading localStorage…</p>
      ) : parts ? (
        <>
          <p className="text-sm" data-testid="jwt-status">
            Logged in as <strong>{String(parts.payload.name)}</strong> (<code className="font-mono">{String(parts.payload.preferred_username)}</code>) ·{" "}
            <Countdown until={exp} />
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Who you are is read from the token itself: the server stored nothing at login.</p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="jwt" />
            <button
              type="button"
              onClick={async () => {
                const revocable = parts.payload.revocable === true;
                if (revocable) {
                  await callApi("/api/jwt/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } }, "jwt", "log out: deny-list the jti");
                }
                setForgotten({ token: token as string, exp, denied: revocable });
                forgetJwt();
                record("jwt", { label: "log out: localStorage.removeItem — nothing sent, nothing to delete on the server", method: "—", path: "", status: null, ms: null, code: null, credentials: [], received: null, timing: null });
              }}
              className={SECONDARY_BUTTON}
            >
              Log out
            </button>
          </div>
          <JwtView token={token as string} />
          <TamperTry token={token as string} mode="jwt" />
        </>
      ) : (
        <>
          {forgotten ? (
            <Box title={forgotten.denied ? "Logged out — and deny-listed" : "Logged out — but the token is not dead"} tone="warn">
              {forgotten.denied ? (
                <p data-testid="jwt-deny-listed">
                  This token was revocable: its <code className="font-mono">jti</code> is now on the deny-list, so a copy is refused at once. The price:
                  every request with a revocable token costs a store lookup (see the timeline) — the state is back.
                </p>
              ) : (
                <p data-testid="jwt-still-valid">
                  This page forgot the token. The server has nothing to delete, so <strong>the token itself stays valid</strong> until its{" "}
                  <code className="font-mono">exp</code>: <Countdown until={forgotten.exp} label="still valid for" />. Anyone holding a copy can keep
                  using it.
                </p>
              )}
              <ApiCall
                label="replay the forgotten token"
                call={() => callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${forgotten.token}` } }, "jwt", "replay after logout")}
                buttonClass={m.accent.bar}
              />
            </Box>
          ) : null}
          {reason && !forgotten ? (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
              {next ? <code className="font-mono">{next}</code> : "That page"} needs a JWT, and a plain navigation cannot carry one. Log in here; the page
              then sends the token from script.
            </p>
          ) : null}
          <LoginForm
            mode="jwt"
            formAction={formAction}
            pending={pending}
            state={state}
            next={next}
            demoPassword={demoPassword}
            option={{ name: "revocable", label: "Revocable: check a deny-list on every request" }}
          />
        </>
      )}
      <ApiCall label="call GET /api/jwt/mypage" call={() => callApi("/api/jwt/mypage", { headers: bearer() }, "jwt")} buttonClass={m.accent.bar} />
      <Box title="What your browser holds">
        {parts ? (
          <p>
            The JWT in <code className="font-mono">localStorage[&quot;{JWT_STORAGE_KEY}&quot;]</code>. <strong>Any script on this page can read it</strong> —
            including an injected one — and this page&apos;s script adds it to each API call as <code className="font-mono">Authorization: Bearer …</code>.
            The browser never sends it by itself.
          </p>
        ) : (
          <p>Nothing. Logging in puts a JWT in localStorage; no cookie is set.</p>
        )}
        <SeenVersusReceived mode="jwt" scriptSees={<span className="font-mono">{parts ? `localStorage: the whole token (${(token as string).length} B)` : "nothing"}</span>} />
        <p className="mt-1 text-xs text-zinc-500">
          Devtools → Application → Local Storage, or type <code className="font-mono">localStorage.getItem(&quot;{JWT_STORAGE_KEY}&quot;)</code> in the
          console.
        </p>
      </Box>
      <Timeline mode="jwt" />
    </Panel>
  );
}
