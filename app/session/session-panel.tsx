"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useActionState } from "react";
import { ApiCall } from "@/app/components/api-call";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { CookieOwners, DocumentCookie } from "@/app/components/browser-cookies";
import { XssNote } from "@/app/components/xss-note";
import { Countdown } from "@/app/components/countdown";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, Panel, usePanelStatus, type PanelStatus } from "@/app/components/panel";
import { callApi } from "@/lib/client/api";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { useRefusal } from "@/lib/client/refusals";
import { recordAction } from "@/lib/client/timeline";
import { durationValues } from "@/lib/i18n/duration";
import type { RefusedBy } from "@/lib/login-panel";
import { loginSession } from "./actions";
import { When } from "@/app/components/when";
import { Term } from "@/app/components/term";
import { Section } from "@/app/components/section";
import { code, strong } from "@/app/components/rich-tags";
// Inside collapsed sections (app/components/section.tsx): loaded when a visitor opens one.
// Shown only to a visitor sent back from a /mypage.
const ReturnedBecause = lazy(() => import("@/app/components/returned-because").then((m) => ({ default: m.ReturnedBecause })));
const SessionDevices = lazy(() => import("./session-devices").then((m) => ({ default: m.SessionDevices })));
const SessionAnatomy = lazy(() => import("./session-anatomy").then((m) => ({ default: m.SessionAnatomy })));

type SessionView = {
  user: { username: string; displayName: string };
  session: { expiresAt: Date; idleExpiresAt: Date; absoluteExpiresAt: Date; createdAt: Date; idleTimeoutSeconds: number };
};

/** What this panel's session stands on (technical names: the same in every language). */
const STACK = "iron-session + Prisma";

/** The login action, recorded in this panel's timeline. */
const login = recordAction("session", loginSession);

type Props = {
  initial: SessionView | null;
  /** Why this browser's session cookie was refused on this page load (revoked, evicted, expired). */
  ended: { code: string; message: string; detail?: unknown } | null;
  cookieName: string;
  next: string | null;
  reason: string | null;
  by: RefusedBy | null;
  demoPassword: string | null;
  demoIdleSeconds: number;
  /** Whether the XSS lab is on (LAB_XSS_ENABLED): the XSS note links there, else to /compare. */
  xssLab: boolean;
};

export function SessionPanel({ initial, ended, cookieName, next, reason, by, demoPassword, demoIdleSeconds, xssLab }: Props) {
  const [state, formAction, pending] = useActionState(login, { status: "idle" });
  const t = useTranslations("sessionPanel");
  const explain = useAuthErrorMessage();
  const router = useRouter();
  const m = MODES.session;
  // A refusal met by any request of this page (the API button, the devices list…) ends the
  // logged-in view at once, with its reason; the server said so before the page was reloaded.
  const refusal = useRefusal("session");
  const refused = initial && refusal && refusal.code !== "session_missing" ? refusal : null;
  const shownEnded = refused ?? ended;
  const formState = usePanelStatus(Boolean(initial), pending, state);
  const status: PanelStatus = refused ? { label: t("refused"), tone: "warn" } : formState;
  // A message that only restates its code is said in the visitor's language; one that tells more
  // (revoked from another device, evicted past the limit, idle too long) is the server's own.
  const endedText = (why: { code: string; message: string; detail?: unknown }) => explain(why.code, why.message, why.detail);
  return (
    <Panel mode="session" subtitle={STACK} status={status}>
      {initial && !refused ? (
        <>
          <p className="text-sm" data-testid="session-status">
            {t.rich("loggedInAs", {
              name: initial.user.displayName,
              username: initial.user.username,
              strong,
              code,
            })}{" "}
            <Countdown until={new Date(initial.session.expiresAt).getTime()} />
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {/* Seconds as plain digits ("1800 s", "1800초(30분)"), not grouped like a formatted number. */}
            {t.rich("idle", { ...durationValues(initial.session.idleTimeoutSeconds), when: () => <When at={initial.session.absoluteExpiresAt} /> })}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="session" />
            <button
              type="button"
              onClick={async () => {
                await callApi("/api/session/logout", { method: "POST" }, "session", t("logOutAction"));
                router.refresh();
              }}
              className={SECONDARY_BUTTON}
            >
              {t("logOut")}
            </button>
          </div>
        </>
      ) : (
        <>
          {shownEnded && !reason ? (
            <p role="status" data-testid="session-ended" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
              {t("ended", { message: endedText(shownEnded) })} <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{shownEnded.code}</code>
            </p>
          ) : null}
          {reason ? <Suspense fallback={null}><ReturnedBecause mode="session" reason={reason} next={next} by={by} /></Suspense> : null}
          <LoginForm
            mode="session"
            formAction={formAction}
            pending={pending}
            state={state}
            next={next}
            demoPassword={demoPassword}
            option={{ name: "short_idle", label: t("shortIdle", durationValues(demoIdleSeconds)) }}
          />
        </>
      )}
      <ApiCall label={t("callApi", { route: "GET /api/session/mypage" })} call={() => callApi("/api/session/mypage", {}, "session")} buttonClass={m.accent.bar} />
      <Box title={t("holds")}>
        {refused ? (
          <p>{t.rich("holdsRefused", { name: cookieName, code })}</p>
        ) : initial ? (
          <p>
            {t.rich("holdsCookie", {
              name: cookieName,
              code,
              strong,
              seal: (chunks) => <Term name="seal">{chunks}</Term>,
              httpOnly: () => (
                <Term name="HttpOnly">
                  <strong>{"HttpOnly"}</strong>
                </Term>
              ),
              sameSite: () => <Term name="SameSite">{"SameSite=Lax"}</Term>,
              secure: () => <Term name="Secure" />,
              hostPrefix: () => <Term name="__Host-" />,
            })}
          </p>
        ) : (
          <p>{t("holdsNothing")}</p>
        )}
        <SeenVersusReceived mode="session" scriptSees={
            <>
              <code className="font-mono">document.cookie</code> = <DocumentCookie />
              <CookieOwners />
            </>
          }
        />
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("gap")}</p>
        <XssNote mode="session" xssLab={xssLab} />
      </Box>
      {initial && !refused ? (
        <>
          <Section id="session-anatomy" title={t("anatomy")}>
            <SessionAnatomy />
          </Section>
          <Section id="session-devices" title={t("devices")}>
            <SessionDevices />
          </Section>
        </>
      ) : null}
      <Timeline mode="session" />
    </Panel>
  );
}
