import { randomUUID } from "node:crypto";
import Link from "next/link";
import { BelowTheFold } from "@/app/components/below-the-fold";
import { SectionPlaceholder } from "@/app/components/section-placeholder";
import { StartHere } from "@/app/components/start-here";
import { TreeMarker } from "@/app/components/tree-marker";
import { HybridPanel } from "@/app/hybrid/hybrid-panel";
import { JwtPanel } from "@/app/jwt/jwt-panel";
import { SessionPanel } from "@/app/session/session-panel";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { jwtCookie, REFRESH_COOKIE_PATH, refreshCookie, sessionCookie } from "@/lib/auth/cookies";
import { safeNext, verifyJwtCookie, verifySession } from "@/lib/dal";
import { env } from "@/lib/env";
import { SEED_POST } from "@/lib/seed-post";
import { JWT_TRANSPORT_COOKIE, jwtTransportOf } from "@/lib/jwt-transport";
import { named } from "@/lib/auth/cookies";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Home({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNext(params.next);
  const reason = typeof params.reason === "string" ? params.reason.slice(0, 64) : null;
  const by = params.by === "guard" || params.by === "page" ? params.by : null;
  const mode = next?.split("/")[1];
  const session = await verifySession();
  const jwt = await verifyJwtCookie();
  const jar = await cookies();
  const jwtCookieName = jwtCookie().name;
  const cookieLogin = jwt?.ok ? { claims: jwt.claims, cookieBytes: jwtCookieName.length + 1 + (jar.get(jwtCookieName)?.value.length ?? 0) } : null;
  const demoPassword = env().DEMO_PASSWORD;
  const ended = !session.ok && session.code !== "session_missing" ? { code: session.code, message: session.message, ...(session.detail ? { detail: session.detail } : {}) } : null;
  const t = await getTranslations("home");

  return (
    <div className="flex flex-col gap-6">
      {/* Side by side on a wide screen, so that the panels' login buttons start on the first screen. */}
      <div className="grid grid-cols-1 gap-x-8 gap-y-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          {t.rich("intro", {
            title: SEED_POST.title,
            post: (chunks) => (
              <a href={SEED_POST.url} className="underline" lang="ko" translate="no">
                {chunks}
              </a>
            ),
            compare: (chunks) => (
              <Link href="/compare" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <StartHere publicMode={demoPassword === null} className="max-w-3xl" />
      </div>
      <TreeMarker id={randomUUID()} />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
        <SessionPanel
          initial={session.ok ? { user: session.user, session: session.session } : null}
          ended={ended}
          demoIdleSeconds={env().SESSION_DEMO_IDLE_SECONDS}
          cookieName={sessionCookie().name}
          next={mode === "session" ? next : null}
          reason={mode === "session" ? reason : null}
          by={mode === "session" ? by : null}
          demoPassword={demoPassword}
          xssLab={env().labXssEnabled}
        />
        <JwtPanel
          next={mode === "jwt" ? next : null}
          reason={mode === "jwt" ? reason : null}
          by={mode === "jwt" ? by : null}
          demoPassword={demoPassword}
          transport={jwtTransportOf(jar.get(named(JWT_TRANSPORT_COOKIE))?.value)}
          cookieLogin={cookieLogin}
          cookieName={jwtCookieName}
          xssLab={env().labXssEnabled}
        />
        <HybridPanel
          refreshCookieName={refreshCookie().name}
          refreshCookiePath={REFRESH_COOKIE_PATH}
          next={mode === "hybrid" ? next : null}
          reason={mode === "hybrid" ? reason : null}
          demoPassword={demoPassword}
          graceSeconds={env().REFRESH_GRACE_SECONDS}
          xssLab={env().labXssEnabled}
        />
      </div>
      {/* The replay lab, the forged-credentials lab and the store view: loaded once the page is interactive. */}
      <BelowTheFold
        placeholder={
          <>
            <SectionPlaceholder id="replay-lab" headingId="replay-title" title={t("placeholders.replay")} minHeight="min-h-72" />
            <SectionPlaceholder headingId="forge-title" title={t("placeholders.forge")} minHeight="min-h-40" />
            <SectionPlaceholder headingId="store-title" title={t("placeholders.store")} minHeight="min-h-68" />
          </>
        }
      />
    </div>
  );
}
