"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useActionState, useEffect } from "react";
import { ApiCall } from "@/app/components/api-call";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { DocumentCookie } from "@/app/components/browser-cookies";
import { Countdown } from "@/app/components/countdown";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, formStatus, Panel, type PanelStatus } from "@/app/components/panel";
import { Section } from "@/app/components/section";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import { splitJwt } from "@/lib/client/jwt-parts";
import { hasRefreshHint, hybridFetch, logoutHybrid, markHybridOut, refreshHybrid, setHybridAccessToken, useHybrid } from "@/lib/client/hybrid-store";
import { recordAction } from "@/lib/client/timeline";
import { loginHybrid } from "./actions";
// Inside collapsed sections (app/components/section.tsx): loaded when a visitor opens one.
// Shown only to a visitor sent back from a /mypage.
const ReturnedBecause = lazy(() => import("@/app/components/returned-because").then((m) => ({ default: m.ReturnedBecause })));
const HybridDevices = lazy(() => import("./hybrid-devices").then((m) => ({ default: m.HybridDevices })));
const RefreshChain = lazy(() => import("./refresh-chain").then((m) => ({ default: m.RefreshChain })));
const TamperTry = lazy(() => import("@/app/components/tamper-try").then((m) => ({ default: m.TamperTry })));
const JwtView = lazy(() => import("@/app/components/jwt-view").then((m) => ({ default: m.JwtView })));

/** The login action, recorded in this panel's timeline. */
const login = recordAction("hybrid", loginHybrid);

type Props = {
  refreshCookieName: string;
  refreshCookiePath: string;
  next: string | null;
  reason: string | null;
  demoPassword: string | null;
  graceSeconds: number;
};

/** Reasons a refresh fails that are simply "not logged in", not worth an explanation. */
const QUIET = new Set(["refresh_missing", "logged_out"]);

export function HybridPanel({ refreshCookieName, refreshCookiePath, next, reason, demoPassword, graceSeconds }: Props) {
  const [state, formAction, pending] = useActionState(login, { status: "idle" });
  const hybrid = useHybrid();
  const router = useRouter();
  const m = MODES.hybrid;

  // The access token lived in memory, so a fresh page has none: ask for one with the cookie.
  useEffect(() => {
    // Refresh silently only when a refresh cookie is likely there: a first visit sends nothing.
    if (hybrid.status === "unknown") void (hasRefreshHint() ? refreshHybrid() : markHybridOut());
  }, [hybrid.status]);

  useEffect(() => {
    if (state.status !== "ok") return;
    setHybridAccessToken(state.accessToken);
    if (next) router.push(next);
  }, [state, next, router]);

  const parts = hybrid.status === "in" ? splitJwt(hybrid.accessToken) : null;
  const outReason = hybrid.status === "out" && hybrid.reason && !QUIET.has(hybrid.reason) ? hybrid.reason : null;
  const status: PanelStatus =
    hybrid.status === "unknown" || hybrid.status === "refreshing"
      ? { label: "Refreshing…", tone: "pending" }
      : hybrid.status === "leaving"
        ? { label: "Logging out…", tone: "pending" }
        : outReason && !pending
          ? { label: outReason === "refresh_reused" || outReason === "refresh_revoked" ? "Revoked" : "Logged out", tone: "warn" }
          : formStatus(hybrid.status === "in", pending, state);

  return (
    <Panel mode="hybrid" subtitle="JWT + refresh" status={status}>
      {hybrid.status === "unknown" || hybrid.status === "refreshing" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="hybrid-status">
          Asking POST /api/hybrid/refresh for an access token (the refresh cookie goes along by itself)…
        </p>
      ) : hybrid.status === "leaving" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="hybrid-status">
          Logging out: the access token is forgotten; the server revokes the family…
        </p>
      ) : hybrid.status === "in" && parts ? (
        <>
          <p className="text-sm" data-testid="hybrid-status">
            Logged in as <strong>{String(parts.payload.name)}</strong> (<code className="font-mono">{String(parts.payload.preferred_username)}</code>) ·
            access token <Countdown until={hybrid.exp * 1000} />
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">When it runs out, the page quietly trades the refresh cookie for a new one.</p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="hybrid" />
            <button
              type="button"
              onClick={() => void refreshHybrid()}
              className={SECONDARY_BUTTON}
            >
              Refresh now
            </button>
            <button
              type="button"
              onClick={() => void logoutHybrid()}
              className={SECONDARY_BUTTON}
            >
              Log out
            </button>
          </div>
        </>
      ) : (
        <>
          {outReason ? (
            <p role="status" data-testid="hybrid-out-reason" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
              Refresh refused: {hybrid.status === "out" && hybrid.message ? `${hybrid.message} ` : null}
              <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{outReason}</code>
            </p>
          ) : null}
          {reason && next ? <Suspense fallback={null}><ReturnedBecause mode="hybrid" reason={reason} next={next} by={null} /></Suspense> : null}
          <LoginForm mode="hybrid" formAction={formAction} pending={pending} state={state} next={next} demoPassword={demoPassword} />
        </>
      )}
      <ApiCall label="call GET /api/hybrid/mypage" call={() => hybridFetch("/api/hybrid/mypage")} buttonClass={m.accent.bar} />
      <Box title="What your browser holds">
        {hybrid.status === "in" ? (
          <p>
            The access token <strong>only in this page&apos;s memory</strong> (a reload forgets it), and an <strong>HttpOnly</strong> refresh cookie{" "}
            <code className="font-mono">{refreshCookieName}</code> that script cannot read. It is <code className="font-mono">SameSite=Strict</code> and
            travels only to <code className="font-mono">POST {refreshCookiePath}</code> and the routes beneath it (logout, the family view) — never with
            page loads or the other API calls; every refresh replaces it with a new one. Beside it, a script-readable{" "}
            <code className="font-mono">ll_refresh_hint=1</code> holds no secret: it only tells this page, on a reload, that a refresh is worth trying.
          </p>
        ) : (
          <p>Nothing usable. Logging in sets the HttpOnly refresh cookie and hands this page an access token.</p>
        )}
        <SeenVersusReceived mode="hybrid" scriptSees={
            <span className="font-mono">
              memory: {hybrid.status === "in" ? `the access token (${hybrid.accessToken.length} B)` : "nothing"}; document.cookie = <DocumentCookie />
            </span>
          }
        />
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Devtools → Application → Cookies shows the refresh cookie and its Path; the access token is nowhere in storage.
        </p>
      </Box>
      {hybrid.status === "in" ? (
        <>
          <Section id="hybrid-token" title="The access token — and tampered with">
            <JwtView token={hybrid.accessToken} showPayload={false} />
            <TamperTry token={hybrid.accessToken} mode="hybrid" />
          </Section>
          <Section id="hybrid-chain" title="Refresh tokens: the chain, and a stolen copy">
            <RefreshChain graceSeconds={graceSeconds} />
          </Section>
          <Section id="hybrid-devices" title="Your devices (refresh-token families)">
            <HybridDevices />
          </Section>
        </>
      ) : null}
      <Timeline mode="hybrid" />
    </Panel>
  );
}
