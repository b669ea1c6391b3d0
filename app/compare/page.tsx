import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MODES } from "@/app/components/modes";
import { SEED_POST } from "@/lib/seed-post";
import { env } from "@/lib/env";
import { When } from "@/app/components/when";
import { jwtCookie, REFRESH_COOKIE_PATH } from "@/lib/auth/cookies";
import { BENCH, type CompareText, liveText, MEASURE_INTERVAL_MS, MIN_LIVE_SAMPLES, measurements, rowsText, TIMING_RUNS } from "@/lib/compare";
import { timingValues } from "@/lib/timing";
import { code, strong } from "@/app/components/rich-tags";
import { cluster } from "@/lib/scale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("comparePage");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

const JWKS_PATH = "/.well-known/jwks.json";
/** Next.js's authentication guide, where the quick check goes in the proxy. */
const NEXT_AUTH_GUIDE = "https://nextjs.org/docs/app/guides/authentication#optimistic-checks-with-proxy-optional";

type Demo = { href: string; label: string };
const link = "text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400 underline";

/** A measured or stated cell, with a link to where the app demonstrates it (`see` for more than one place). */
function Cell({ href, see, children, testid }: { href?: string; see?: Demo[]; children: ReactNode; testid?: string }) {
  const t = useTranslations("comparePage");
  return (
    <td className="border-t border-zinc-200 px-3 py-2 align-top dark:border-zinc-800" data-testid={testid}>
      {children}{" "}
      {href ? (
        <Link href={href} className={link}>
          {t("seeIt")}
        </Link>
      ) : null}
      {see ? (
        <span className="text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          {t("see")}{" "}
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
  const t = useTranslations("comparePage");
  return (
    <td className={`border-t border-zinc-200 px-3 py-2 align-top text-sm dark:border-zinc-800 ${contradicts ? "bg-red-50 dark:bg-red-950/30" : ""}`}>
      {contradicts ? <strong className="text-red-700 dark:text-red-400">{t("disagree")}{" "}</strong> : null}
      {children}
    </td>
  );
}

/**
 * A cell of the XSS row: what the XSS lab's payload gets in this mode, linked to the lab where it
 * is on. A plain link, not next/link: the lab must load as a page of its own, with its own policy.
 */
function XssCell({ children, testid, lab }: { children: ReactNode; testid: string; lab: boolean }) {
  const t = useTranslations("comparePage");
  return (
    <td className="border-t border-zinc-200 px-3 py-2 align-top dark:border-zinc-800" data-testid={testid}>
      {children}{" "}
      {lab ? (
        <a href="/lab/xss" className={link}>
          {t("seeIt")}
        </a>
      ) : null}
    </td>
  );
}

/** The seed post's comparison table, with every cell filled by this instance's own measurements. */
export default async function ComparePage() {
  const m = await measurements();
  // On the scale-out lab's cluster this page says so: it is one of several instances.
  const cl = cluster();
  const { sizes, cookieNames, ttl, store, live, costs } = m;
  const t = await getTranslations("comparePage");
  const tm = await getTranslations("modes");
  const tc = await getTranslations("compare");
  const say = (text: CompareText) => tc(text.key, text.values);
  const duration = (s: number) => (s % 60 === 0 ? t("minutes", { n: s / 60 }) : t("seconds", { n: s }));
  const code = (c: ReactNode) => <code>{c}</code>;
  const sessionBigger = sizes.sessionCookie > sizes.jwtHeader;
  const next = new Date(m.measuredAt.getTime() + MEASURE_INTERVAL_MS);
  const head = (mode: "session" | "jwt" | "hybrid") => <th scope="col" className={`px-3 py-2 text-left ${MODES[mode].accent.text}`}>{tm(`${mode}.title`)}</th>;
  return (
    <div className="flex flex-col gap-4">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          {t.rich("intro", {
            title: SEED_POST.title,
            min: MIN_LIVE_SAMPLES,
            post: (c) => (
              <a href={SEED_POST.url} className="underline" lang="ko" translate="no">
                {c}
              </a>
            ),
            code,
            runs: TIMING_RUNS,
            claims: (c) => (
              <Link href="/claims" className="underline">
                {c}
              </Link>
            ),
            measuredAt: () => <When at={m.measuredAt} testid="measured-at" />,
            nextAt: () => <When at={next} testid="next-measure-at" />,
          })}
        </p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full min-w-[900px] text-sm" data-testid="compare-table">
          <thead>
            <tr className="text-left">
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t("whatIsCompared")}</span>
              </th>
              {head("session")}
              {head("jwt")}
              {head("hybrid")}
              <th scope="col" className="px-3 py-2 text-left text-zinc-600 dark:text-zinc-400">{t("postSays")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("state.title")}</th>
              <Cell href="/#store-title" testid="cmp-session-rows">
                {say(rowsText(store.session.rows, "session", store.session.bytesPerRow))}
              </Cell>
              <Cell href="/#store-title" testid="cmp-jwt-rows">
                {t("state.jwt", { rows: store.jwt.rows })}
              </Cell>
              <Cell href="/#store-title" testid="cmp-hybrid-rows">
                {say(rowsText(store.hybrid.rows, "refreshToken", store.hybrid.bytesPerRow))}
              </Cell>
              <Verdict>{t("state.verdict")}</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("kept.title")}</th>
              <Cell href="/#session">{t("kept.session")}</Cell>
              <Cell href="/#jwt">{t("kept.jwt")}</Cell>
              <Cell href="/#hybrid">{t("kept.hybrid")}</Cell>
              <Verdict>{t("kept.verdict")}</Verdict>
            </tr>
            <tr id="xss" data-testid="cmp-xss">
              <th scope="row" className="px-3 py-2 text-left align-top">{t("xss.title")}</th>
              <XssCell testid="cmp-session-xss" lab={env().labXssEnabled}>
                {t("xss.session")}
              </XssCell>
              <XssCell testid="cmp-jwt-xss" lab={env().labXssEnabled}>
                {t("xss.jwt")}
              </XssCell>
              <XssCell testid="cmp-hybrid-xss" lab={env().labXssEnabled}>
                {t.rich("xss.hybrid", { path: REFRESH_COOKIE_PATH, duration: duration(ttl.hybridAccess), code })}
              </XssCell>
              <Verdict>{t("xss.verdict")}</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("travels.title")}</th>
              <Cell href="/#session">{t("travels.session")}</Cell>
              <Cell href="/#jwt">{t("travels.jwt")}</Cell>
              <Cell href="/#hybrid">{t.rich("travels.hybrid", { path: REFRESH_COOKIE_PATH, code })}</Cell>
              <Verdict>{t("travels.verdict")}</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("bytes.title")}</th>
              <Cell href="/#session" testid="cmp-session-bytes">
                {t.rich("bytes.session", { cookie: sizes.sessionCookie, id: sizes.sessionId, name: cookieNames.session, code })}
              </Cell>
              <Cell href="/#jwt" testid="cmp-jwt-bytes">
                {t.rich("bytes.jwt", { header: sizes.jwtHeader, token: sizes.jwtToken, code })}
              </Cell>
              <Cell href="/#hybrid" testid="cmp-hybrid-bytes">
                {t.rich("bytes.hybrid", { header: sizes.hybridHeader, cookie: sizes.refreshCookie, name: cookieNames.refresh, code })}
              </Cell>
              <Verdict contradicts={sessionBigger}>
                {t.rich("bytes.verdict", {
                  id: sizes.sessionId,
                  cookie: sizes.sessionCookie,
                  jwt: sizes.jwtHeader,
                  bigger: sessionBigger ? "yes" : "no",
                  less: sizes.jwtHeader - sizes.sessionCookie,
                  code,
                })}
              </Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("work.title")}</th>
              <Cell href="/#session" testid="cmp-session-auth">
                {t.rich("work.session", {
                  ...timingValues("check", costs.sessionCheck),
                  ...timingValues("read", costs.sessionRead),
                  liveText: say(liveText(live.session)),
                  strong,
                  readTag: (c) => <span data-testid="cmp-session-read">{c}</span>,
                  liveTag: (c) => <span data-testid="cmp-session-live">{c}</span>,
                })}
              </Cell>
              <Cell href="/#jwt" testid="cmp-jwt-auth">
                {t.rich("work.jwt", {
                  ...timingValues("check", costs.jwtCheck),
                  liveText: say(liveText(live.jwt)),
                  strong,
                  liveTag: (c) => <span data-testid="cmp-jwt-live">{c}</span>,
                })}
              </Cell>
              <Cell href="/#hybrid" testid="cmp-hybrid-auth">
                {t.rich("work.hybrid", { liveText: say(liveText(live.hybrid)), liveTag: (c) => <span data-testid="cmp-hybrid-live">{c}</span> })}
              </Cell>
              <Verdict>
                {t.rich("work.verdict", {
                  ...timingValues("unseal", costs.unseal),
                  ...timingValues("verify", costs.eddsaVerify),
                  unsealTag: (c) => <span data-testid="cmp-unseal">{c}</span>,
                  verifyTag: (c) => <span data-testid="cmp-verify">{c}</span>,
                  scale: (c) => (
                    <a href="/scale" className="underline">
                      {c}
                    </a>
                  ),
                  code,
                })}
              </Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("logout.title")}</th>
              <Cell href="/#replay-lab" testid="cmp-session-logout">
                {t("logout.session")}
              </Cell>
              <Cell href="/#replay-lab" testid="cmp-jwt-logout">
                {t("logout.jwt", { duration: duration(ttl.jwt) })}
              </Cell>
              <Cell href="/#replay-lab" testid="cmp-hybrid-logout">
                {t("logout.hybrid", { duration: duration(ttl.hybridAccess) })}
              </Cell>
              <Verdict>{t("logout.verdict")}</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("encrypted.title")}</th>
              <Cell href="/#session">{t("encrypted.session")}</Cell>
              <Cell href="/#jwt">{t("encrypted.jwt")}</Cell>
              <Cell href="/#hybrid">{t("encrypted.hybrid")}</Cell>
              <Verdict contradicts>{t("encrypted.verdict")}</Verdict>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-2 text-left align-top">{t("scaling.title")}</th>
              {cl ? (
                <Cell
                  testid="cmp-session-scaling"
                  see={[
                    { href: "/scale", label: t("scaling.scaleLab") },
                    { href: "/#store-title", label: t("scaling.sharedStore") },
                  ]}
                >
                  {t("scaling.sessionCluster", { self: cl.self.name, instances: cl.all.filter((a) => a.kind === "instance").map((a) => a.name).join(", ") })}
                </Cell>
              ) : (
                <Cell href="/#store-title" testid="cmp-session-scaling">
                  {t("scaling.session")}
                </Cell>
              )}
              <Cell href={JWKS_PATH} testid="cmp-jwt-scaling">
                {t("scaling.jwt", { jwks: JWKS_PATH })}
              </Cell>
              <Cell
                testid="cmp-hybrid-scaling"
                see={[
                  { href: JWKS_PATH, label: t("scaling.publicKey") },
                  { href: "/#store-title", label: t("scaling.refreshStore") },
                ]}
              >
                {t("scaling.hybrid")}
              </Cell>
              <Verdict>{t("scaling.verdict")}</Verdict>
            </tr>
          </tbody>
        </table>
      </div>
      <p data-testid="compare-timing-note" className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("timingNote", {
          runs: TIMING_RUNS,
          claims: (c) => (
            <Link href="/claims#claim-T5" className="underline">
              {c}
            </Link>
          ),
        })}
      </p>
      <section data-testid="compare-throughput" aria-labelledby="throughput-title" className="max-w-3xl text-sm">
        <h2 id="throughput-title" className="font-semibold">
          {t("throughput.title")}
        </h2>
        <p className="mt-1">
          {t.rich("throughput.body", {
            low: BENCH.checkRatio.low,
            high: BENCH.checkRatio.high,
            factor: BENCH.proxyFactor,
            ms: BENCH.proxyMs,
            code,
            guide: (c) => (
              <a href={NEXT_AUTH_GUIDE} className="underline">
                {c}
              </a>
            ),
          })}
        </p>
      </section>
      <section data-testid="compare-jwt-cookie" aria-labelledby="jwt-cookie-note" className="max-w-3xl rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/30">
        <h2 id="jwt-cookie-note" className="font-semibold">
          {t("cookieNote.title")}
        </h2>
        <p className="mt-1">
          {t.rich("cookieNote.body", {
            name: jwtCookie().name,
            panel: (c) => (
              <Link href="/#jwt" className="underline">
                {c}
              </Link>
            ),
            code,
          })}
        </p>
      </section>
    </div>
  );
}
