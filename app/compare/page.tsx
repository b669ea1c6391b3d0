import Link from "next/link";
import type { ReactNode } from "react";
import { MODES } from "@/app/components/modes";
import { measurements } from "@/lib/compare";

export const metadata = { title: "Compare — Login Lab" };
export const dynamic = "force-dynamic";

const live = (s: { count: number; authMicros: { p50: number } | null }) =>
  s.authMicros ? `live requests: median ${s.authMicros.p50.toFixed(0)} µs over ${s.count}` : "no live requests yet";
const minutes = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${s} s`);

function Cell({ href, children, testid }: { href: string; children: ReactNode; testid?: string }) {
  return (
    <td className="border-t border-zinc-200 px-3 py-2 align-top dark:border-zinc-800" data-testid={testid}>
      {children}{" "}
      <Link href={href} className="text-xs whitespace-nowrap text-zinc-500 underline">
        see it
      </Link>
    </td>
  );
}

function Verdict({ children, contradicts }: { children: ReactNode; contradicts?: boolean }) {
  return (
    <td className={`border-t border-zinc-200 px-3 py-2 align-top text-xs dark:border-zinc-800 ${contradicts ? "bg-red-50 dark:bg-red-950/30" : ""}`}>
      {contradicts ? <strong className="text-red-700 dark:text-red-400">Our numbers disagree. </strong> : null}
      {children}
    </td>
  );
}

/** The seed post's comparison table, with every cell filled by this instance's own measurements. */
export default async function ComparePage() {
  const m = await measurements();
  const { sizes, ttl, store, stats, costs } = m;
  const sessionBigger = sizes.sessionCookie > sizes.jwtHeader;
  const head = (mode: "session" | "jwt" | "hybrid") => <th className={`px-3 py-2 text-left ${MODES[mode].accent.text}`}>{MODES[mode].title}</th>;
  return (
    <div className="flex flex-col gap-4">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">Session vs token, measured</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          The usual comparison table, filled with this server&apos;s own numbers, measured on this server at most once a minute (last at <time data-testid="measured-at" dateTime={m.measuredAt.toISOString()}>{m.measuredAt.toISOString().slice(11, 19)} UTC</time>): sizes from a real sealed
          cookie and real signed tokens, check costs from 200 checks of a real session and token, and the in-process <code>Server-Timing</code>{" "}
          figures of the requests this instance has served (those include first sightings and refusals). Each cell links to the demo that produces it.
        </p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full min-w-[900px] text-sm" data-testid="compare-table">
          <thead>
            <tr className="text-left">
              <th className="px-3 py-2" />
              {head("session")}
              {head("jwt")}
              {head("hybrid")}
              <th className="px-3 py-2 text-left text-zinc-500">The post says · what we see</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th className="px-3 py-2 text-left align-top">State on the server</th>
              <Cell href="/#store-title" testid="cmp-session-rows">
                {store.session.rows} session rows, ≈{store.session.bytesPerRow} B each
              </Cell>
              <Cell href="/#store-title">0 rows: nothing stored</Cell>
              <Cell href="/#store-title">
                {store.hybrid.rows} refresh-token rows, ≈{store.hybrid.bytesPerRow} B each
              </Cell>
              <Verdict>Stateful vs stateless holds (S3, T2). Hybrid is stateful again for its refresh tokens.</Verdict>
            </tr>
            <tr>
              <th className="px-3 py-2 text-left align-top">Where the browser keeps it</th>
              <Cell href="/#session">HttpOnly cookie (script cannot read it)</Cell>
              <Cell href="/#jwt">localStorage (any script can read it) — or an HttpOnly cookie (note below)</Cell>
              <Cell href="/#hybrid">memory + HttpOnly refresh cookie</Cell>
              <Verdict>As the post says (T10): a JWT in localStorage is one XSS away from theft.</Verdict>
            </tr>
            <tr>
              <th className="px-3 py-2 text-left align-top">How it travels</th>
              <Cell href="/#session">Cookie header, sent by the browser on its own</Cell>
              <Cell href="/#jwt">Authorization: Bearer, added by script — or a cookie, sent by the browser</Cell>
              <Cell href="/#hybrid">Bearer to the API; the cookie only to /api/hybrid</Cell>
              <Verdict>Holds (S2, T3).</Verdict>
            </tr>
            <tr>
              <th className="px-3 py-2 text-left align-top">Bytes per request</th>
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
              <th className="px-3 py-2 text-left align-top">Server work per request</th>
              <Cell href="/#session" testid="cmp-session-auth">
                remembered unseal + 1 store query: <strong>{costs.sessionCheckMicros.toFixed(1)} µs</strong> a check ({live(stats.session)})
              </Cell>
              <Cell href="/#jwt" testid="cmp-jwt-auth">
                remembered signature + claims, 0 queries: <strong>{costs.jwtCheckMicros.toFixed(1)} µs</strong> a check ({live(stats.jwt)})
              </Cell>
              <Cell href="/#hybrid">like JWT ({live(stats.hybrid)})</Cell>
              <Verdict>
                &quot;Less server load&quot; (T5) is about the store query, not the crypto: measured here, unsealing a cookie costs{" "}
                <span data-testid="cmp-unseal">{costs.unsealMicros.toFixed(0)} µs</span> and verifying an EdDSA signature{" "}
                <span data-testid="cmp-verify">{costs.eddsaVerifyMicros.toFixed(0)} µs</span>, both more than a primary-key lookup. Login Lab remembers
                both results per credential string, so what is left per request is the lookup. Run <code>npm run bench</code> for throughput.
              </Verdict>
            </tr>
            <tr>
              <th className="px-3 py-2 text-left align-top">Logout / revocation</th>
              <Cell href="/#session">the next request is refused (0 s)</Cell>
              <Cell href="/#jwt">a copy works until exp: up to {minutes(ttl.jwt)}</Cell>
              <Cell href="/#hybrid">refresh refused at once; access token up to {minutes(ttl.hybridAccess)}</Cell>
              <Verdict>Holds (S4, T8): the JWT panel&apos;s &quot;replay the forgotten token&quot; still gets 200 after logout.</Verdict>
            </tr>
            <tr>
              <th className="px-3 py-2 text-left align-top">Encrypted?</th>
              <Cell href="/#session">yes: the cookie is sealed (AES-256-CBC + HMAC)</Cell>
              <Cell href="/#jwt">no: signed only, the payload decodes without a key</Cell>
              <Cell href="/#hybrid">no (access token); the refresh token is opaque</Cell>
              <Verdict contradicts>The post calls the JWT &quot;encrypted&quot; (T11). A signed JWT is readable by anyone; only a JWE would hide it.</Verdict>
            </tr>
            <tr>
              <th className="px-3 py-2 text-left align-top">Scaling out</th>
              <Cell href="/.well-known/jwks.json">every instance needs the shared store (and the sealing secret)</Cell>
              <Cell href="/.well-known/jwks.json">any service with the public key from /.well-known/jwks.json</Cell>
              <Cell href="/.well-known/jwks.json">APIs verify alone; only refresh needs the store</Cell>
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
