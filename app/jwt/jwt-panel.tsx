"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { ApiCall } from "@/app/components/api-call";
import { DocumentCookie } from "@/app/components/browser-cookies";
import { MyPageLink, SECONDARY_BUTTON } from "@/app/components/controls";
import { Countdown } from "@/app/components/countdown";
import { JwtView } from "@/app/components/jwt-view";
import { LoginForm } from "@/app/components/login-form";
import { MODES } from "@/app/components/modes";
import { Box, formStatus, Panel, type PanelStatus } from "@/app/components/panel";
import { captureCookie } from "@/app/components/replay-lab";
import { ReturnedBecause } from "@/app/components/returned-because";
import { TamperTry } from "@/app/components/tamper-try";
import { SeenVersusReceived, Timeline } from "@/app/components/timeline";
import type { AccessClaims } from "@/lib/auth/access-token";
import { callApi } from "@/lib/client/api";
import { splitJwt } from "@/lib/client/jwt-parts";
import { forgetJwt, JWT_STORAGE_KEY, readStoredJwt, storeJwt, useStoredJwt } from "@/lib/client/jwt-store";
import { clearRefusal, useRefusal } from "@/lib/client/refusals";
import { record, recordAction } from "@/lib/client/timeline";
import { JWT_TRANSPORT_COOKIE, type JwtTransport } from "@/lib/jwt-transport";
import type { RefusedBy } from "@/lib/login-panel";
import { loginJwt } from "./actions";

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

/** After logout: what the page forgot, and whether anything on the server changed. */
type Forgotten = { transport: "bearer"; token: string; exp: number; denied: boolean } | { transport: "cookie"; capture: string | null; exp: number; denied: boolean };

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
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Reading localStorage…</p>
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
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Who you are is read from the token itself: the server stored nothing at login
            {transport === "cookie" ? ", and checks the cookie with no store lookup (see the timeline: 0 store queries; the store view lists no row)." : "."}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <MyPageLink mode="jwt" />
            <button type="button" onClick={logOut} className={SECONDARY_BUTTON}>
              Log out
            </button>
          </div>
          {transport === "bearer" && token ? (
            <>
              <JwtView token={token} />
              <TamperTry token={token} mode="jwt" />
            </>
          ) : (
            <details className="text-xs" data-testid="jwt-cookie-claims">
              <summary className="cursor-pointer">The token&apos;s claims, as the server told this page at login</summary>
              <pre className="mt-1 overflow-auto rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-950">{JSON.stringify(claims, null, 2)}</pre>
              <p className="mt-1 text-zinc-600 dark:text-zinc-400">
                The token itself never reached this page. To tamper with it, edit the cookie&apos;s value in devtools → Application → Cookies, then call
                the API: the guard refuses it (<code className="font-mono">jwt_cookie_invalid</code>).
              </p>
            </details>
          )}
        </>
      ) : (
        <>
          {forgotten ? <AfterLogout forgotten={forgotten} /> : null}
          {reason && !forgotten ? <ReturnedBecause mode="jwt" reason={reason} next={next} by={by} /> : null}
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
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
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
      <TransportDifferences transport={transport} />
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
      <legend className="px-1 text-xs font-semibold text-zinc-600 dark:text-zinc-400">Where the token lives</legend>
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
              <strong>{o.label}</strong> <span className="text-xs text-zinc-600 dark:text-zinc-400">— {o.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The plain differences between the two transports, with the lab that shows each. */
function TransportDifferences({ transport }: { transport: JwtTransport }) {
  const rows: { what: string; bearer: string; cookie: string; lab?: { href: string; label: string } }[] = [
    { what: "An injected script", bearer: "reads the token and takes it away", cookie: "cannot read it — but can use it while the page is open", lab: { href: "/lab/xss", label: "XSS lab" } },
    { what: "Sent by the browser on its own", bearer: "never: no cross-site request can carry it", cookie: "yes, so SameSite matters: Lax keeps it off cross-site POSTs and fetches", lab: { href: "/lab/attacker", label: "cross-site lab" } },
    { what: "Log out", bearer: "the page forgets it", cookie: "the server deletes the cookie", lab: { href: "#replay-lab", label: "replay lab" } },
    { what: "A copy after logout", bearer: "works until exp", cookie: "works until exp, all the same" },
    { what: "Store lookups per request", bearer: "0 (1 if revocable)", cookie: "0 (1 if revocable)" },
  ];
  return (
    <Box title="localStorage or cookie: what changes">
      <table data-testid="jwt-transport-differences" className="w-full text-left text-xs">
        <thead>
          <tr className="text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="py-0.5 pr-2 font-semibold"></th>
            <th scope="col" className={`py-0.5 pr-2 font-semibold ${transport === "bearer" ? "underline" : ""}`}>
              localStorage
            </th>
            <th scope="col" className={`py-0.5 font-semibold ${transport === "cookie" ? "underline" : ""}`}>
              HttpOnly cookie
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.what} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              <th scope="row" className="py-1 pr-2 font-medium">
                {r.what}
                {r.lab ? (
                  <>
                    {" "}
                    <Link href={r.lab.href} className="font-normal underline">
                      ({r.lab.label})
                    </Link>
                  </>
                ) : null}
              </th>
              <td className="py-1 pr-2">{r.bearer}</td>
              <td className="py-1">{r.cookie}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

const JSON_HEADERS = { "content-type": "application/json" };

/** What logging out changed: for an ordinary token, nothing on the server — a copy works until exp. */
function AfterLogout({ forgotten }: { forgotten: Forgotten }) {
  const m = MODES.jwt;
  const what = forgotten.transport === "cookie" ? "The server deleted this browser's cookie." : "This page forgot the token.";
  return (
    <Box title={forgotten.denied ? "Logged out — and deny-listed" : "Logged out — but the token is not dead"} tone="warn">
      {forgotten.denied ? (
        <p data-testid="jwt-deny-listed">
          {what} The token was revocable: its <code className="font-mono">jti</code> is now on the deny-list, so a copy is refused at once. The price:
          every request with a revocable token costs a store lookup (see the timeline) — the state is back.
        </p>
      ) : (
        <p data-testid="jwt-still-valid">
          {what} The server has nothing to delete, so <strong>the token itself stays valid</strong> until its <code className="font-mono">exp</code>:{" "}
          <Countdown until={forgotten.exp} label="still valid for" />. Anyone holding a copy can keep using it
          {forgotten.transport === "cookie" ? " — deleting a cookie deletes one copy." : "."}
        </p>
      )}
      {forgotten.transport === "bearer" ? (
        <ApiCall
          label="replay the forgotten token"
          call={() => callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${forgotten.token}` } }, "jwt", "replay after logout")}
          buttonClass={m.accent.bar}
        />
      ) : forgotten.capture ? (
        <ApiCall
          label="replay a copy of the deleted cookie"
          call={() =>
            callApi("/api/jwt/lab/replay", { method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ capture: forgotten.capture }) }, "jwt", "replay the cookie's copy after logout")
          }
          buttonClass={m.accent.bar}
        />
      ) : null}
    </Box>
  );
}
