"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useActionState, useEffect, useState } from "react";
import { ApiCall } from "@/app/components/api-call";
import { DocumentCookie } from "@/app/components/browser-cookies";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { Countdown } from "@/app/components/countdown";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, formStatus, Panel, type PanelStatus } from "@/app/components/panel";
import { Section } from "@/app/components/section";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import type { AccessClaims } from "@/lib/auth/access-token";
import { callApi } from "@/lib/client/api";
import { captureCookie } from "@/lib/client/capture";
import { splitJwt } from "@/lib/client/jwt-parts";
import { forgetJwt, JWT_STORAGE_KEY, readStoredJwt, storeJwt, useStoredJwt } from "@/lib/client/jwt-store";
import { clearRefusal, useRefusal } from "@/lib/client/refusals";
import { record, recordAction } from "@/lib/client/timeline";
import { JWT_TRANSPORT_COOKIE, type JwtTransport } from "@/lib/jwt-transport";
import type { RefusedBy } from "@/lib/login-panel";
import { loginJwt } from "./actions";
import type { Forgotten } from "./after-logout";
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
};


const bearer = (): HeadersInit => {
  const token = readStoredJwt();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

const YEAR = 365 * 24 * 3600;

export function JwtPanel({ next, reason, by, demoPassword, transport: initialTransport, cookieLogin: initialCookieLogin, cookieName }: Props) {
  const [state, formAction, pending] = useActionState(login, { status: "idle" });
  const token = useStoredJwt();
  const router = useRouter();
  const [transport, setTransport] = useState<JwtTransport>(initialTransport);
  const [cookieLogin, setCookieLogin] = useState<CookieLogin | null>(initialCookieLogin);
  const [forgotten, setForgotten] = useState<Forgotten | null>(null);
  const m = MODES.jwt;

  // The server's view after a refresh (a server action, another panel's logout) wins.
  useEffect(() => setCookieLogin(initialCookieLogin), [initialCookieLogin]);

  useEffect(() => {
    if (state.status !== "ok") return;
    if (state.transport === "bearer") storeJwt(state.accessToken);
    else setCookieLogin({ claims: state.claims, cookieBytes: state.cookieBytes });
    setForgotten(null);
    if (next) router.push(next);
  }, [state, next, router]);

  const choose = (t: JwtTransport) => {
    setTransport(t);
    setForgotten(null);
    clearRefusal("jwt");
    // Not a credential: it tells proxy.ts whether a navigation to /jwt/mypage should carry the cookie.
    document.cookie = `${JWT_TRANSPORT_COOKIE}=${t}; Path=/; Max-Age=${YEAR}; SameSite=Lax`;
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
    const t = setTimeout(() => rerender((n) => n + 1), Math.min(left + 50, 2 ** 31 - 1));
    return () => clearTimeout(t);
  }, [exp]);
  const expired = loggedIn && exp <= Date.now();
  const status: PanelStatus =
    transport === "bearer" && token === undefined
      ? { label: "Reading…", tone: "pending" }
      : expired
        ? { label: "Token expired", tone: "warn" }
        : loggedIn && refusal
          ? { label: "Token refused", tone: "warn" }
          : formStatus(loggedIn, pending, state);

  const logOut = async () => {
    clearRefusal("jwt");
    const revocable = claims?.revocable === true;
    if (transport === "cookie") {
      // A copy of the cookie as a thief would hold it (sealed: this page never sees the token), taken before logout.
      const capture = await captureCookie("jwt");
      const r = await callApi("/api/jwt/logout", { method: "POST" }, "jwt", revocable ? "log out: clear the cookie, deny-list the jti" : "log out: clear the cookie");
      setForgotten({ transport: "cookie", capture, exp, denied: (r.body as { revoked?: boolean } | null)?.revoked === true });
      setCookieLogin(null);
      return;
    }
    if (revocable) {
      await callApi("/api/jwt/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } }, "jwt", "log out: deny-list the jti");
    }
    setForgotten({ transport: "bearer", token: token as string, exp, denied: revocable });
    forgetJwt();
    record("jwt", { label: "log out: localStorage.removeItem — nothing sent, nothing to delete on the server", method: "—", path: "", status: null, ms: null, code: null, credentials: [], received: null, timing: null });
  };

  return (
    <Panel mode="jwt" subtitle="jose, EdDSA" status={status}>
      <TransportChoice transport={transport} choose={choose} />
      {transport === "bearer" && token === undefined ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Reading localStorage…</p>
      ) : claims ? (
        <>
          <p className="text-sm" data-testid="jwt-status">
            Logged in as <strong>{String(claims.name)}</strong> (<code className="font-mono">{String(claims.preferred_username)}</code>) ·{" "}
            <Countdown until={exp} />
          </p>
          {expired || refusal ? (
            <p role="status" data-testid="jwt-refused" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300">
              {expired ? "This token has expired: the server refuses it now, and nothing can renew it — log in again." : `The server refused this token: ${refusal?.message}`}{" "}
              <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{expired ? (transport === "cookie" ? "jwt_cookie_expired" : "token_expired") : refusal?.code}</code>
            </p>
          ) : null}
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Who you are is read from the token itself: the server stored nothing at login
            {transport === "cookie" ? ", and checks the cookie with no store lookup (see the timeline: 0 store queries; the store view lists no row)." : "."}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="jwt" />
            <button type="button" onClick={logOut} className={SECONDARY_BUTTON}>
              Log out
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
            option={{ name: "revocable", label: "Revocable: check a deny-list on every request" }}
          />
        </>
      )}
      <ApiCall
        label="call GET /api/jwt/mypage"
        call={() => callApi("/api/jwt/mypage", { headers: transport === "bearer" ? bearer() : {} }, "jwt", undefined, { own: loggedIn })}
        buttonClass={m.accent.bar}
      />
      <Box title="What your browser holds">
        {transport === "cookie" ? (
          cookieLogin ? (
            <p>
              An <strong>HttpOnly</strong> cookie <code className="font-mono">{cookieName}</code> ({cookieLogin.cookieBytes} B) holding the signed token
              itself, not an id. <strong>The browser sends it by itself</strong> with every request to this site (Path=/, SameSite=Lax); page script
              cannot read it. It travels like a session cookie, yet the server still stores nothing: a cookie is a way to carry a token, not a session.
            </p>
          ) : (
            <p>No JWT cookie. Logging in with this choice sets one HttpOnly cookie holding the token; nothing goes to localStorage.</p>
          )
        ) : parts ? (
          <p>
            The JWT in <code className="font-mono">localStorage[&quot;{JWT_STORAGE_KEY}&quot;]</code>. <strong>Any script on this page can read it</strong> —
            including an injected one — and this page&apos;s script adds it to each API call as <code className="font-mono">Authorization: Bearer …</code>.
            The browser never sends it by itself.
          </p>
        ) : (
          <p>Nothing. Logging in puts a JWT in localStorage; no cookie is set.</p>
        )}
        <SeenVersusReceived
          mode="jwt"
          scriptSees={
            transport === "cookie" ? (
              <>
                <code className="font-mono">document.cookie</code> = <DocumentCookie />
              </>
            ) : (
              <span className="font-mono">{parts ? `localStorage: the whole token (${(token as string).length} B)` : "nothing"}</span>
            )
          }
        />
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {transport === "cookie" ? (
            <>Devtools → Application → Cookies lists it with its HttpOnly and SameSite flags; document.cookie above never shows it.</>
          ) : (
            <>
              Devtools → Application → Local Storage, or type <code className="font-mono">localStorage.getItem(&quot;{JWT_STORAGE_KEY}&quot;)</code> in the
              console.
            </>
          )}
        </p>
      </Box>
      {claims ? (
        transport === "bearer" && token ? (
          <Section id="jwt-token" title="The token, decoded — and tampered with">
            <JwtView token={token} />
            <TamperTry token={token} mode="jwt" />
          </Section>
        ) : (
          <Section id="jwt-token" title="The token's claims, as the server told this page at login">
            <div data-testid="jwt-cookie-claims" className="flex flex-col gap-1">
              <pre className="rounded bg-zinc-100 p-2 font-mono text-xs break-words whitespace-pre-wrap dark:bg-zinc-950">{JSON.stringify(claims, null, 2)}</pre>
              <p className="text-zinc-600 dark:text-zinc-400">
                The token itself never reached this page. To tamper with it, edit the cookie&apos;s value in devtools → Application → Cookies, then call
                the API: the guard refuses it <code className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">jwt_cookie_invalid</code>.
              </p>
            </div>
          </Section>
        )
      ) : null}
      <Section id="jwt-transports" title="localStorage or cookie: what changes">
        <TransportDifferences transport={transport} />
      </Section>
      <Timeline mode="jwt" />
    </Panel>
  );
}

/** Where the token lives: asked above the form, remembered in a plain cookie, sent with the login. */
function TransportChoice({ transport, choose }: { transport: JwtTransport; choose: (t: JwtTransport) => void }) {
  const options: { value: JwtTransport; label: string; hint: string }[] = [
    { value: "bearer", label: "localStorage", hint: "script sends Authorization: Bearer (the post's way)" },
    { value: "cookie", label: "HttpOnly cookie", hint: "the browser sends it (a stateless session)" },
  ];
  return (
    <fieldset className="rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold text-zinc-600 dark:text-zinc-400">Where the token lives</legend>
      <div className="flex flex-col gap-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input
              type="radio"
              name="transport"
              form="jwt-login-form"
              value={o.value}
              checked={transport === o.value}
              onChange={() => choose(o.value)}
              className="mt-1 h-4 w-4"
            />
            <span>
              <strong>{o.label}</strong> <span className="text-sm text-zinc-600 dark:text-zinc-400">— {o.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
