"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useActionState, useEffect } from "react";
import { ApiCall } from "@/app/components/api-call";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { CookieOwners, DocumentCookie } from "@/app/components/browser-cookies";
import { XssNote } from "@/app/components/xss-note";
import { Countdown } from "@/app/components/countdown";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, Panel, usePanelStatus, type PanelStatus } from "@/app/components/panel";
import { Section } from "@/app/components/section";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { splitJwt } from "@/lib/client/jwt-parts";
import { hasRefreshHint, hybridFetch, logoutHybrid, markHybridOut, refreshHybrid, setHybridAccessToken, useHybrid } from "@/lib/client/hybrid-store";
import { clearReuseResult, useReuseResult } from "@/lib/client/reuse-result";
import { recordAction } from "@/lib/client/timeline";
import { loginHybrid } from "./actions";
import { code, strong } from "@/app/components/rich-tags";
// Inside collapsed sections (app/components/section.tsx): loaded when a visitor opens one.
// Shown only to a visitor sent back from a /mypage.
const ReturnedBecause = lazy(() => import("@/app/components/returned-because").then((m) => ({ default: m.ReturnedBecause })));
const HybridDevices = lazy(() => import("./hybrid-devices").then((m) => ({ default: m.HybridDevices })));
const RefreshChain = lazy(() => import("./refresh-chain").then((m) => ({ default: m.RefreshChain })));
const TamperTry = lazy(() => import("@/app/components/tamper-try").then((m) => ({ default: m.TamperTry })));
const JwtView = lazy(() => import("@/app/components/jwt-view").then((m) => ({ default: m.JwtView })));
// Shown only after the reuse lab's replay.
const ReuseResultBox = lazy(() => import("./reuse-result-box").then((m) => ({ default: m.ReuseResultBox })));

/** The login action, recorded in this panel's timeline. */
const login = recordAction("hybrid", loginHybrid);

type Props = {
  refreshCookieName: string;
  refreshCookiePath: string;
  next: string | null;
  reason: string | null;
  demoPassword: string | null;
  graceSeconds: number;
  /** Whether the XSS lab is on (LAB_XSS_ENABLED): the XSS note links there, else to /compare. */
  xssLab: boolean;
};

/** Reasons a refresh fails that are simply "not logged in", not worth an explanation. */
const QUIET = new Set(["refresh_missing", "logged_out"]);

export function HybridPanel({ refreshCookieName, refreshCookiePath, next, reason, demoPassword, graceSeconds, xssLab }: Props) {
  const [state, formAction, pending] = useActionState(login, { status: "idle" });
  const hybrid = useHybrid();
  const router = useRouter();
  const t = useTranslations("hybridPanel");
  const explain = useAuthErrorMessage();
  const reuse = useReuseResult();
  const m = MODES.hybrid;

  // The access token lived in memory, so a fresh page has none: ask for one with the cookie.
  useEffect(() => {
    // Refresh silently only when a refresh cookie is likely there: a first visit sends nothing.
    if (hybrid.status === "unknown") void (hasRefreshHint() ? refreshHybrid() : markHybridOut());
  }, [hybrid.status]);

  useEffect(() => {
    if (state.status !== "ok") return;
    // A new login, a new family: the last reuse lab's result is about one that is gone.
    clearReuseResult();
    setHybridAccessToken(state.accessToken);
    if (next) router.push(next);
  }, [state, next, router]);

  const parts = hybrid.status === "in" ? splitJwt(hybrid.accessToken) : null;
  const outReason = hybrid.status === "out" && hybrid.reason && !QUIET.has(hybrid.reason) ? hybrid.reason : null;
  // The server's explanation of a refused refresh, in the visitor's language, with its detail (a
  // revoked family says why, e.g. "(reuse_detected)").
  const outMessage = hybrid.status === "out" && outReason && hybrid.message ? explain(outReason, hybrid.message, hybrid.detail) : null;
  const formState = usePanelStatus(hybrid.status === "in", pending, state);
  const status: PanelStatus =
    hybrid.status === "unknown" || hybrid.status === "refreshing"
      ? { label: t("badge.refreshing"), tone: "pending" }
      : hybrid.status === "leaving"
        ? { label: t("badge.loggingOut"), tone: "pending" }
        : outReason && !pending
          ? { label: outReason === "refresh_reused" || outReason === "refresh_revoked" ? t("badge.revoked") : t("badge.loggedOut"), tone: "warn" }
          : formState;

  return (
    <Panel mode="hybrid" subtitle={t("subtitle")} status={status}>
      {hybrid.status === "unknown" || hybrid.status === "refreshing" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="hybrid-status">
          {t("asking", { request: "POST /api/hybrid/refresh" })}
        </p>
      ) : hybrid.status === "leaving" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="hybrid-status">
          {t("leaving")}
        </p>
      ) : hybrid.status === "in" && parts ? (
        <>
          <p className="text-sm" data-testid="hybrid-status">
            {t.rich("loggedInAs", {
              name: String(parts.payload.name),
              username: String(parts.payload.preferred_username),
              strong,
              code,
              countdown: () => <Countdown until={hybrid.exp * 1000} />,
            })}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("quietRefresh")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="hybrid" />
            <button
              type="button"
              onClick={() => void refreshHybrid()}
              className={SECONDARY_BUTTON}
            >
              {t("refreshNow")}
            </button>
            <button
              type="button"
              onClick={() => void logoutHybrid()}
              className={SECONDARY_BUTTON}
            >
              {t("logOut")}
            </button>
          </div>
        </>
      ) : (
        <>
          {outReason ? (
            <p role="status" data-testid="hybrid-out-reason" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
              {t.rich("refreshRefused", {
                message: outMessage ? `${outMessage} ` : "",
                reason: outReason,
                code: (c) => <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{c}</code>,
              })}
            </p>
          ) : null}
          {reason && next ? <Suspense fallback={null}><ReturnedBecause mode="hybrid" reason={reason} next={next} by={null} /></Suspense> : null}
          <LoginForm mode="hybrid" formAction={formAction} pending={pending} state={state} next={next} demoPassword={demoPassword} />
        </>
      )}
      {reuse ? (
        <Suspense fallback={null}>
          <ReuseResultBox result={reuse} />
        </Suspense>
      ) : null}
      <ApiCall label={t("callApi", { request: "GET /api/hybrid/mypage" })} call={() => hybridFetch("/api/hybrid/mypage")} buttonClass={m.accent.bar} />
      <Box title={t("browserHolds")}>
        {hybrid.status === "in" ? (
          <p>
            {t.rich("holdsTokens", {
              cookie: refreshCookieName,
              path: refreshCookiePath,
              strong,
              code,
            })}
          </p>
        ) : (
          <p>{t("holdsNothing")}</p>
        )}
        <SeenVersusReceived mode="hybrid" scriptSees={
            <>
              <span className="font-mono">
                {t("memory", { what: hybrid.status === "in" ? t("memoryToken", { bytes: hybrid.accessToken.length }) : t("memoryNothing") })};{" "}
                <code>document.cookie</code> = <DocumentCookie />
              </span>
              <CookieOwners />
            </>
          }
        />
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("devtools")}</p>
        <XssNote mode="hybrid" xssLab={xssLab} />
      </Box>
      {hybrid.status === "in" ? (
        <>
          <Section id="hybrid-token" title={t("tokenSection")}>
            <JwtView token={hybrid.accessToken} showPayload={false} />
            <TamperTry token={hybrid.accessToken} mode="hybrid" />
          </Section>
          <Section id="hybrid-chain" title={t("chainSection")}>
            <RefreshChain graceSeconds={graceSeconds} />
          </Section>
          <Section id="hybrid-devices" title={t("devicesSection")}>
            <HybridDevices />
          </Section>
        </>
      ) : null}
      <Timeline mode="hybrid" />
    </Panel>
  );
}
