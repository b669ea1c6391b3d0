"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useActionState } from "react";
import { ApiCall } from "@/app/components/api-call";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { DocumentCookie } from "@/app/components/browser-cookies";
import { Countdown } from "@/app/components/countdown";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, formStatus, Panel, type PanelStatus } from "@/app/components/panel";
import { callApi } from "@/lib/client/api";
import { useRefusal } from "@/lib/client/refusals";
import { recordAction } from "@/lib/client/timeline";
import type { RefusedBy } from "@/lib/login-panel";
import { loginSession } from "./actions";
import { When } from "@/app/components/when";
import { Term } from "@/app/components/term";
import { Section } from "@/app/components/section";
// Inside collapsed sections (app/components/section.tsx): loaded when a visitor opens one.
// Shown only to a visitor sent back from a /mypage.
const ReturnedBecause = lazy(() => import("@/app/components/returned-because").then((m) => ({ default: m.ReturnedBecause })));
const SessionDevices = lazy(() => import("./session-devices").then((m) => ({ default: m.SessionDevices })));
const SessionAnatomy = lazy(() => import("./session-anatomy").then((m) => ({ default: m.SessionAnatomy })));

type SessionView = {
  user: { username: string; displayName: string };
  session: { expiresAt: Date; idleExpiresAt: Date; absoluteExpiresAt: Date; createdAt: Date; idleTimeoutSeconds: number };
};

/** The login action, recorded in this panel's timeline. */
const login = recordAction("session", loginSession);

type Props = {
  initial: SessionView | null;
  /** Why this browser's session cookie was refused on this page load (revoked, evicted, expired). */
  ended: { code: string; message: string } | null;
  cookieName: string;
  next: string | null;
  reason: string | null;
  by: RefusedBy | null;
  demoPassword: string | null;
  demoIdleSeconds: number;
};

export function SessionPanel({ initial, ended, cookieName, next, reason, by, demoPassword, demoIdleSeconds }: Props) {
  const [state, formAction, pending] = useActionState(login, { status: "idle" });
  const router = useRouter();
  const m = MODES.session;
  // A refusal met by any request of this page (the API button, the devices list…) ends the
  // logged-in view at once, with its reason; the server said so before the page was reloaded.
  const refusal = useRefusal("session");
  const refused = initial && refusal && refusal.code !== "session_missing" ? refusal : null;
  const shownEnded = refused ?? ended;
  const status: PanelStatus = refused ? { label: "Session refused", tone: "warn" } : formStatus(Boolean(initial), pending, state);
  return (
    <Panel mode="session" subtitle="iron-session + Prisma" status={status}>
      {initial && !refused ? (
        <>
          <p className="text-sm" data-testid="session-status">
            Logged in as <strong>{initial.user.displayName}</strong> (<code className="font-mono">{initial.user.username}</code>) ·{" "}
            <Countdown until={new Date(initial.session.expiresAt).getTime()} />
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Ends after {initial.session.idleTimeoutSeconds} s without use (each use slides it); for good at{" "}
            <When at={initial.session.absoluteExpiresAt} />.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="session" />
            <button
              type="button"
              onClick={async () => {
                await callApi("/api/session/logout", { method: "POST" }, "session", "log out");
                router.refresh();
              }}
              className={SECONDARY_BUTTON}
            >
              Log out
            </button>
          </div>
        </>
      ) : (
        <>
          {shownEnded && !reason ? (
            <p role="status" data-testid="session-ended" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
              This browser&apos;s session was refused: {shownEnded.message} <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{shownEnded.code}</code>
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
            option={{ name: "short_idle", label: `End the session after ${demoIdleSeconds} s without use (demo)` }}
          />
        </>
      )}
      <ApiCall label="call GET /api/session/mypage" call={() => callApi("/api/session/mypage", {}, "session")} buttonClass={m.accent.bar} />
      <Box title="What your browser holds">
        {refused ? (
          <p>
            The HttpOnly cookie <code className="font-mono">{cookieName}</code> is still here, and the browser still sends it — but the server now refuses
            it: the store no longer has a live session for it. Logging in again replaces it.
          </p>
        ) : initial ? (
          <p>
            An{" "}
            <Term name="HttpOnly">
              <strong>HttpOnly</strong>
            </Term>{" "}
            cookie <code className="font-mono">{cookieName}</code>: a <Term name="seal">sealed</Term> (encrypted) box holding only a random session id.{" "}
            <strong>The browser sends it by itself</strong> with every request to this site; no script adds it. Its other flags:{" "}
            <Term name="SameSite">SameSite=Lax</Term>, and in production <Term name="Secure" /> with the <Term name="__Host-" /> name prefix.
          </p>
        ) : (
          <p>Nothing yet. Logging in sets one HttpOnly cookie.</p>
        )}
        <SeenVersusReceived mode="session" scriptSees={
            <>
              <code className="font-mono">document.cookie</code> = <DocumentCookie />
            </>
          }
        />
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The gap between the two is HttpOnly. Devtools → Application → Cookies shows the cookie with its HttpOnly and SameSite flags.
        </p>
      </Box>
      {initial && !refused ? (
        <>
          <Section id="session-anatomy" title="The sealed cookie, opened">
            <SessionAnatomy />
          </Section>
          <Section id="session-devices" title="Your devices (sessions)">
            <SessionDevices />
          </Section>
        </>
      ) : null}
      <Timeline mode="session" />
    </Panel>
  );
}
