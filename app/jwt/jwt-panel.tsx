"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useActionState, useEffect, useState } from "react";
import { ApiCall } from "@/app/components/api-call";
import { CookieOwners, DocumentCookie } from "@/app/components/browser-cookies";
import { XssNote } from "@/app/components/xss-note";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { Countdown } from "@/app/components/countdown";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, Panel, usePanelStatus, type PanelStatus } from "@/app/components/panel";
import { Section } from "@/app/components/section";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import type { AccessClaims } from "@/lib/auth/access-token";
import { callApi } from "@/lib/client/api";
import { useAuthErrorMessage } from "@/lib/client/auth-errors";
import { captureCookie } from "@/lib/client/capture";
import { splitJwt } from "@/lib/client/jwt-parts";
import { forgetJwt, JWT_STORAGE_KEY, readStoredJwt, storeJwt, useStoredJwt } from "@/lib/client/jwt-store";
import { clearRefusal, useRefusal } from "@/lib/client/refusals";
import { record, recordAction } from "@/lib/client/timeline";
import { JWT_TRANSPORT_COOKIE, type JwtTransport } from "@/lib/jwt-transport";
import type { RefusedBy } from "@/lib/login-panel";
import { loginJwt } from "./actions";
import type { Forgotten } from "./after-logout";
import { code, strong } from "@/app/components/rich-tags";
import { namespaced, pageNamespace } from "@/lib/cookie-namespace";
// Inside collapsed sections (app/components/section.tsx): loaded when a visitor opens one.
// Shown only to a visitor sent back from a /mypage.
const ReturnedBecause = lazy(() => import("@/app/components/returned-because").then((m) => ({ default: m.ReturnedBecause })));
const TamperTry = lazy(() => import("@/app/components/tamper-try").then((m) => ({ default: m.TamperTry })));
const JwtView = lazy(() => import("@/app/components/jwt-view").then((m) => ({ default: m.JwtView })));
const TransportDifferences = lazy(() => import("./transport-differences").then((m) => ({ default: m.TransportDifferences })));
// Shown only after a logout.
const AfterLogout = lazy(() => import("./after-logout").then((m) => ({ default: m.AfterLogout })));

/** The login action, recorded in this panel's timeline. */
const login = recordAction("jwt", loginJwt);

/** A login with the cookie transport, as this page may know it: the claims, never the token. */
export type CookieLogin = { claims: AccessClaims; cookieBytes: number };

type Props = {
  next: string | null;
  reason: string | null;
  by: RefusedBy | null;
  demoPassword: string | null;
  /** The remembered transport choice (lib/jwt-transport.ts), read from its cookie by the server. */
  transport: JwtTransport;
  /** This browser's valid JWT cookie, checked by the server when it rendered the page. */
  cookieLogin: CookieLogin | null;
  cookieName: string;
  /** Whether the XSS lab is on (LAB_XSS_ENABLED): the XSS note links there, else to /compare. */
  xssLab: boolean;
};


/** Rich-text tags of this panel's messages. */

const bearer = (): HeadersInit => {
  const token = readStoredJwt();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

const YEAR = 365 * 24 * 3600;

/** The library and algorithm behind this panel: names, the same in every language. */
const SUBTITLE = "jose, EdDSA";
/** The transport named by its storage API, the same in every language. */
const LOCAL_STORAGE = "localStorage";

export function JwtPanel({ next, reason, by, demoPassword, transport: initialTransport, cookieLogin: initialCookieLogin, cookieName, xssLab }: Props) {
  const [state, formAction, pending] = useActionState(login, { status: "idle" });
  const token = useStoredJwt();
  const router = useRouter();
  const [transport, setTransport] = useState<JwtTransport>(initialTransport);
  const [cookieLogin, setCookieLogin] = useState<CookieLogin | null>(initialCookieLogin);
  const [forgotten, setForgotten] = useState<Forgotten | null>(null);
  const m = MODES.jwt;
  const t = useTranslations("jwtPanel");
  const explain = useAuthErrorMessage();

  // The server's view after a refresh (a server action, another panel's logout) wins.
  useEffect(() => setCookieLogin(initialCookieLogin), [initialCookieLogin]);

  useEffect(() => {
    if (state.status !== "ok") return;
    if (state.transport === "bearer") storeJwt(state.accessToken);
    else setCookieLogin({ claims: state.claims, cookieBytes: state.cookieBytes });
    setForgotten(null);
    if (next) router.push(next);
  }, [state, next, router]);

  const choose = (chosen: JwtTransport) => {
    setTransport(chosen);
    setForgotten(null);
    clearRefusal("jwt");
    // Not a credential: it tells proxy.ts whether a navigation to /jwt/mypage should carry the cookie.
    document.cookie = `${namespaced(pageNamespace(), JWT_TRANSPORT_COOKIE)}=${chosen}; Path=/; Max-Age=${YEAR}; SameSite=Lax`;
  };

  const parts = transport === "bearer" && token ? splitJwt(token) : null;
  const claims = transport === "bearer" ? parts?.payload : cookieLogin?.claims;
  const exp = Number(claims?.exp ?? 0) * 1000;
  const loggedIn = Boolean(claims);
  const refusal = useRefusal("jwt");
  // Re-render when the token expires, so the badge says so without waiting for a request.
  const [, rerender] = useState(0);
  useEffect(() => {
    const left = exp - Date.now();
    if (!exp || left <= 0) return;
    const timer = setTimeout(() => rerender((n) => n + 1), Math.min(left + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [exp]);
  const expired = loggedIn && exp <= Date.now();
  const formState = usePanelStatus(loggedIn, pending, state);
  const status: PanelStatus =
    transport === "bearer" && token === undefined
      ? { label: t("reading"), tone: "pending" }
      : expired
        ? { label: t("tokenExpired"), tone: "warn" }
        : loggedIn && refusal
          ? { label: t("tokenRefused"), tone: "warn" }
          : formState;

  const logOut = async () => {
    clearRefusal("jwt");
    const revocable = claims?.revocable === true;
    if (transport === "cookie") {
      // A copy of the cookie as a thief would hold it (sealed: this page never sees the token), taken before logout.
      const capture = await captureCookie("jwt");
      const r = await callApi("/api/jwt/logout", { method: "POST" }, "jwt", t(revocable ? "timeline.logoutCookieDeny" : "timeline.logoutCookie"));
      setForgotten({ transport: "cookie", capture, exp, denied: (r.body as { revoked?: boolean } | null)?.revoked === true });
      setCookieLogin(null);
      return;
    }
    if (revocable) {
      await callApi("/api/jwt/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } }, "jwt", t("timeline.logoutDeny"));
    }
    setForgotten({ transport: "bearer", token: token as string, exp, denied: revocable });
    forgetJwt();
    record("jwt", { label: t("timeline.logoutLocal"), step: "logout", method: "—", path: "", status: null, ms: null, code: null, credentials: [], received: null, timing: null });
  };

  return (
    <Panel mode="jwt" subtitle={SUBTITLE} status={status}>
      <TransportChoice transport={transport} choose={choose} />
      {transport === "bearer" && token === undefined ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("readingStorage")}</p>
      ) : claims ? (
        <>
          <p className="text-sm" data-testid="jwt-status">
            {t.rich("loggedInAs", { name: String(claims.name), username: String(claims.preferred_username), strong, code })}{" "}
            <Countdown until={exp} />
          </p>
          {expired || refusal ? (
            <p role="status" data-testid="jwt-refused" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
              {expired ? t("expired") : refusal ? t("refused", { message: explain(refusal.code, refusal.message) }) : null}{" "}
              <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{expired ? (transport === "cookie" ? "jwt_cookie_expired" : "token_expired") : refusal?.code}</code>
            </p>
          ) : null}
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t(transport === "cookie" ? "whoYouAreCookie" : "whoYouAre")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="jwt" />
            <button type="button" onClick={logOut} className={SECONDARY_BUTTON}>
              {t("logOut")}
            </button>
          </div>
        </>
      ) : (
        <>
          {forgotten ? (
            <Suspense fallback={null}>
              <AfterLogout forgotten={forgotten} />
            </Suspense>
          ) : null}
          {reason && !forgotten ? <Suspense fallback={null}><ReturnedBecause mode="jwt" reason={reason} next={next} by={by} /></Suspense> : null}
          <LoginForm
            mode="jwt"
            formAction={formAction}
            pending={pending}
            state={state}
            next={next}
            demoPassword={demoPassword}
            option={{ name: "revocable", label: t("revocableOption") }}
          />
        </>
      )}
      <ApiCall
        label={t("callApi", { route: "GET /api/jwt/mypage" })}
        call={() => callApi("/api/jwt/mypage", { headers: transport === "bearer" ? bearer() : {} }, "jwt", undefined, { own: loggedIn })}
        buttonClass={m.accent.bar}
      />
      <Box title={t("holds")}>
        {transport === "cookie" ? (
          cookieLogin ? (
            <p>{t.rich("cookieHeld", { name: cookieName, bytes: cookieLogin.cookieBytes, strong, code })}</p>
          ) : (
            <p>{t("noCookie")}</p>
          )
        ) : parts ? (
          <p>{t.rich("storageHeld", { key: JWT_STORAGE_KEY, strong, code })}</p>
        ) : (
          <p>{t("nothingHeld")}</p>
        )}
        <SeenVersusReceived
          mode="jwt"
          scriptSees={
            transport === "cookie" ? (
              <>
                <code className="font-mono">document.cookie</code> = <DocumentCookie />
                <CookieOwners />
              </>
            ) : (
              <span className="font-mono">{parts ? t("scriptSeesToken", { bytes: (token as string).length }) : t("scriptSeesNothing")}</span>
            )
          }
        />
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {transport === "cookie" ? t("devtoolsCookie") : t.rich("devtoolsStorage", { key: JWT_STORAGE_KEY, code })}
        </p>
        <XssNote mode="jwt" transport={transport} xssLab={xssLab} />
      </Box>
      {claims ? (
        transport === "bearer" && token ? (
          <Section id="jwt-token" title={t("tokenSection")}>
            <JwtView token={token} />
            <TamperTry token={token} mode="jwt" />
          </Section>
        ) : (
          <Section id="jwt-token" title={t("claimsSection")}>
            <div data-testid="jwt-cookie-claims" className="flex flex-col gap-1">
              <pre className="rounded bg-zinc-100 p-2 font-mono text-xs break-words whitespace-pre-wrap dark:bg-zinc-950">{JSON.stringify(claims, null, 2)}</pre>
              <p className="text-zinc-600 dark:text-zinc-400">
                {t.rich("cookieTamper", { code: (chunks) => <code className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">{chunks}</code> })}
              </p>
            </div>
          </Section>
        )
      ) : null}
      <Section id="jwt-transports" title={t("transportsSection")}>
        <TransportDifferences transport={transport} />
      </Section>
      <Timeline mode="jwt" jwtTransport={transport} />
    </Panel>
  );
}

/** Where the token lives: asked above the form, remembered in a plain cookie, sent with the login. */
function TransportChoice({ transport, choose }: { transport: JwtTransport; choose: (chosen: JwtTransport) => void }) {
  const t = useTranslations("jwtPanel.choice");
  const options: { value: JwtTransport; label: string; hint: string }[] = [
    { value: "bearer", label: LOCAL_STORAGE, hint: t("bearerHint") },
    { value: "cookie", label: t("cookie"), hint: t("cookieHint") },
  ];
  return (
    <fieldset className="rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold text-zinc-600 dark:text-zinc-400">{t("legend")}</legend>
      {/* The two choices on one line, and what the chosen one means below them. */}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input
              type="radio"
              name="transport"
              form="jwt-login-form"
              value={o.value}
              checked={transport === o.value}
              onChange={() => choose(o.value)}
              aria-describedby={transport === o.value ? "jwt-transport-hint" : undefined}
              className="h-4 w-4"
            />
            <strong>{o.label}</strong>
          </label>
        ))}
      </div>
      <p id="jwt-transport-hint" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {options.find((o) => o.value === transport)?.hint}
      </p>
    </fieldset>
  );
}
