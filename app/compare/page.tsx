import Link from "next/link";
import type { ReactNode } from "react";
import { MODES } from "@/app/components/modes";
import { SEED_POST } from "@/lib/seed-post";
import { When } from "@/app/components/when";
import { REFRESH_COOKIE_PATH } from "@/lib/auth/cookies";
import { liveText, MEASURE_INTERVAL_MS, MIN_LIVE_SAMPLES, measurements, plural, rowsText } from "@/lib/compare";

export const metadata = { title: "Compare — Login Lab" };
export const dynamic = "force-dynamic";

const minutes = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${s} s`);

type Demo = { href: string; label: string };
const link = "text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400 underline";

/** A measured or stated cell, with a link to where the app demonstrates it (`see` for more than one place). */
function Cell({ href, see, children, testid }: { href?: string; see?: Demo[]; children: ReactNode; testid?: string }) {
  return (
    <td className="border-t border-zinc-200 px-3 py-2 align-top dark:border-zinc-800" data-testid={testid}>
      {children}{" "}
      {href ? (
        <Link href={href} className={link}>
          see it
        </Link>
      ) : null}
      {see ? (
        <span className="text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          see{" "}
          {see.map((d, i) => (
            <span key={d.href}>
              {i ? " · " : null}
              <Link href={d.href} className={link}>
                {d.label}
              </Link>
            </span>
          ))}
        </span>
      ) : null}
    </td>
  );
}

function Verdict({ children, contradicts }: { children: ReactNode; contradicts?: boolean }) {
  return (
    <td className={`border-t border-zinc-200 px-3 py-2 align-top text-sm dark:border-zinc-800 ${contradicts ? "bg-red-50 dark:bg-red-950/30" : ""}`}>
      {contradicts ? <strong className="text-red-700 dark:text-red-400">Our numbers disagree. </strong> : null}
      {children}
    </td>
  );
}

/** The seed post's comparison table, with every cell filled by this instance's own measurements. */
export default async function ComparePage() {
  const m = await measurements();
  const { sizes, ttl, store, live, costs } = m;
  const sessionBigger = sizes.sessionCookie > sizes.jwtHeader;
  const next = new Date(m.measuredAt.getTime() + MEASURE_INTERVAL_MS);
  const head = (mode: "session" | "jwt" | "hybrid") => <th scope="col" className={`px-3 py-2 text-left ${MODES[mode].accent.text}`}>{MODES[mode].title}</th>;
  return (
    <div className="flex flex-col gap-4">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">Session vs token, measured</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          The usual comparison table — as the post{" "}
          <a href={SEED_POST.url} className="underline" lang="ko">
            {SEED_POST.title}
          </a>{" "}
          draws it (the claims are numbered in <code>docs/claims.md</code>) — filled with this server&apos;s own numbers. Every figure below comes from one snapshot, taken at{" "}
          <When at={m.measuredAt} testid="measured-at" /> and shown to every visitor until the first visit after{" "}
          <When at={next} testid="next-measure-at" /> (so at most one a minute): sizes from a real sealed cookie and real signed
          tokens, check costs from 200 checks of a real session and token, the store&apos;s row counts, and the in-process <code>Server-Timing</code> figures of
          the requests this instance had served by then (those include first sightings and refusals; a median needs at least {MIN_LIVE_SAMPLES} of them).
          Each cell links to the demo that produces it.
        </p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full min-w-[900px] text-sm" data-testid="compare-table">
          <thead>
            <tr className="text-left">
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">What is compared</span>
              </th>
              {head("session")}
              {head("jwt")}
              {head("hybrid")}
              <th scope="col" className="px-3 py-2 text-left text-zinc-600 dark:text-zinc-400">The post says · what we see</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">State on the server</th>
              <Cell href="/#store-title" testid="cmp-session-rows">
                {rowsText(store.session.rows, "session", store.session.bytesPerRow)}
              </Cell>
              <Cell href="/#store-title" testid="cmp-jwt-rows">
                {store.jwt.rows === 0
                  ? "0 rows: nothing stored"
                  : `nothing per login; ${plural(store.jwt.rows, "deny-list row")}, from logouts of revocable tokens (each kept until its exp)`}
              </Cell>
              <Cell href="/#store-title" testid="cmp-hybrid-rows">
                {rowsText(store.hybrid.rows, "refresh-token", store.hybrid.bytesPerRow)}
              </Cell>
              <Verdict>Stateful vs stateless holds (S3, T2). Hybrid is stateful again for its refresh tokens.</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">Where the browser keeps it</th>
              <Cell href="/#session">HttpOnly cookie (script cannot read it)</Cell>
              <Cell href="/#jwt">localStorage (any script can read it) — or an HttpOnly cookie (note below)</Cell>
              <Cell href="/#hybrid">memory + HttpOnly refresh cookie</Cell>
              <Verdict>As the post says (T10): a JWT in localStorage is one XSS away from theft.</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">How it travels</th>
              <Cell href="/#session">Cookie header, sent by the browser on its own</Cell>
              <Cell href="/#jwt">Authorization: Bearer, added by script — or a cookie, sent by the browser</Cell>
              <Cell href="/#hybrid">
                Bearer to the API; the cookie only to <code>{REFRESH_COOKIE_PATH}</code>
              </Cell>
              <Verdict>Holds (S2, T3).</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">Bytes per request</th>
              <Cell href="/#session" testid="cmp-session-bytes">
                {sizes.sessionCookie} B cookie (the id inside is {sizes.sessionId} B)
              </Cell>
              <Cell href="/#jwt" testid="cmp-jwt-bytes">
                {sizes.jwtHeader} B Authorization value
              </Cell>
              <Cell href="/#hybrid">
                {sizes.hybridHeader} B to the API; {sizes.refreshCookie} B cookie on refresh
              </Cell>
              <Verdict contradicts={sessionBigger}>
                The post (T9) compares a JWT with a bare session id ({sizes.sessionId} B). What a sealed session cookie really sends is {sizes.sessionCookie} B,{" "}
                {sessionBigger ? "more than" : `${sizes.jwtHeader - sizes.sessionCookie} B less than`} the JWT&apos;s {sizes.jwtHeader} B.
              </Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">Server work per request</th>
              <Cell href="/#session" testid="cmp-session-auth">
                remembered unseal + the row from this instance&apos;s memory: <strong>{costs.sessionCheckMicros.toFixed(1)} µs</strong> a check; a store read
                when the row is not in memory: <span data-testid="cmp-session-read">{costs.sessionReadMicros.toFixed(1)} µs</span> (
                <span data-testid="cmp-session-live">{liveText(live.session)}</span>)
              </Cell>
              <Cell href="/#jwt" testid="cmp-jwt-auth">
                remembered signature + claims, 0 queries: <strong>{costs.jwtCheckMicros.toFixed(1)} µs</strong> a check (<span data-testid="cmp-jwt-live">{liveText(live.jwt)}</span>)
              </Cell>
              <Cell href="/#hybrid" testid="cmp-hybrid-auth">
                like JWT (<span data-testid="cmp-hybrid-live">{liveText(live.hybrid)}</span>)
              </Cell>
              <Verdict>
                &quot;Less server load&quot; (T5) is about the store query, not the crypto: measured here, unsealing a cookie costs{" "}
                <span data-testid="cmp-unseal">{costs.unsealMicros.toFixed(0)} µs</span> and verifying an EdDSA signature{" "}
                <span data-testid="cmp-verify">{costs.eddsaVerifyMicros.toFixed(0)} µs</span>, both more than a primary-key lookup. Login Lab remembers
                both results per credential string, and keeps each session row in memory until the store announces a change to it (on PostgreSQL through
                LISTEN/NOTIFY, to every instance), so a session check needs no store query either. What that costs instead: a notification channel, memory
                per session per instance, and a fallback — while the channel is down, every request reads the store (<a href="/scale" className="underline">scale-out lab</a>). Run{" "}
                <code>npm run bench</code> for throughput.
              </Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">Logout / revocation</th>
              <Cell href="/#replay-lab" testid="cmp-session-logout">
                the next request is refused (0 s)
              </Cell>
              <Cell href="/#replay-lab" testid="cmp-jwt-logout">
                a copy works until exp: up to {minutes(ttl.jwt)} (unless the token was issued revocable)
              </Cell>
              <Cell href="/#replay-lab" testid="cmp-hybrid-logout">
                refresh refused at once; access token up to {minutes(ttl.hybridAccess)}
              </Cell>
              <Verdict>Holds (S4, T8): in the replay lab, a JWT captured before logout is still accepted after it, until its exp.</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">Encrypted?</th>
              <Cell href="/#session">yes: the cookie is sealed (AES-256-CBC + HMAC)</Cell>
              <Cell href="/#jwt">no: signed only, the payload decodes without a key</Cell>
              <Cell href="/#hybrid">no (access token); the refresh token is opaque</Cell>
              <Verdict contradicts>The post calls the JWT &quot;encrypted&quot; (T11). A signed JWT is readable by anyone; only a JWE would hide it.</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">Scaling out</th>
              <Cell href="/#store-title" testid="cmp-session-scaling">
                every instance needs the shared store (and the sealing secret); this lab runs one instance, so the link shows the store they would share
              </Cell>
              <Cell href="/.well-known/jwks.json" testid="cmp-jwt-scaling">
                any service with the public key from /.well-known/jwks.json
              </Cell>
              <Cell
                testid="cmp-hybrid-scaling"
                see={[
                  { href: "/.well-known/jwks.json", label: "public key" },
                  { href: "/#store-title", label: "refresh-token store" },
                ]}
              >
                APIs verify alone with the public key; only refresh needs the store
              </Cell>
              <Verdict>Holds (S7, T4).</Verdict>
            </tr>
          </tbody>
        </table>
      </div>
      <section data-testid="compare-jwt-cookie" aria-labelledby="jwt-cookie-note" className="max-w-3xl rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/30">
        <h2 id="jwt-cookie-note" className="font-semibold">
          JWT in a cookie: stateless, but sent like a session cookie
        </h2>
        <p className="mt-1">
          The post treats &quot;cookie&quot; and &quot;session&quot; as one thing. They are not. The{" "}
          <Link href="/#jwt" className="underline">
            JWT panel
          </Link>{" "}
          can keep its token in an HttpOnly cookie: the browser then sends it by itself, like a session cookie, yet the server still checks it with no
          store lookup and stores nothing. What changes is where it lives, not what it is: an injected script can use it but no longer read it,
          SameSite and Origin checks now matter, and logging out deletes the cookie while a copy still works until <code>exp</code>. It weighs
          about as much as the Bearer value above (the token plus the cookie&apos;s name), and goes with every request to the site, page loads
          included.
        </p>
      </section>
    </div>
  );
}
