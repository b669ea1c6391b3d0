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
import { jwtCookie, REFRESH_COOKIE_PATH, refreshCookie, sessionCookie } from "@/lib/auth/cookies";
import { safeNext, verifyJwtCookie, verifySession } from "@/lib/dal";
import { env } from "@/lib/env";
import { SEED_POST } from "@/lib/seed-post";
import { JWT_TRANSPORT_COOKIE, jwtTransportOf } from "@/lib/jwt-transport";

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
  const ended = !session.ok && session.code !== "session_missing" ? { code: session.code, message: session.message } : null;

  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">Three ways to log in, side by side</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          Log in on each panel and watch what your browser keeps and sends. Open your browser&apos;s devtools (F12 → Application) to check: the
          panels tell you where to look. The lab grew out of the post{" "}
          <a href={SEED_POST.url} className="underline" lang="ko">
            {SEED_POST.title}
          </a>
          ; <Link href="/compare" className="underline">compare</Link> checks its claims with this server&apos;s numbers.
        </p>
      </div>
      <TreeMarker id={randomUUID()} />
      <StartHere />
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
        />
        <JwtPanel
          next={mode === "jwt" ? next : null}
          reason={mode === "jwt" ? reason : null}
          by={mode === "jwt" ? by : null}
          demoPassword={demoPassword}
          transport={jwtTransportOf(jar.get(JWT_TRANSPORT_COOKIE)?.value)}
          cookieLogin={cookieLogin}
          cookieName={jwtCookieName}
        />
        <HybridPanel
          refreshCookieName={refreshCookie().name}
          refreshCookiePath={REFRESH_COOKIE_PATH}
          next={mode === "hybrid" ? next : null}
          reason={mode === "hybrid" ? reason : null}
          demoPassword={demoPassword}
          graceSeconds={env().REFRESH_GRACE_SECONDS}
        />
      </div>
      {/* The replay lab, the forged-credentials lab and the store view: loaded once the page is interactive. */}
      <BelowTheFold
        placeholder={
          <>
            <SectionPlaceholder id="replay-lab" headingId="replay-title" title="Replay after logout" minHeight="min-h-72" />
            <SectionPlaceholder headingId="forge-title" title="Forged credentials" minHeight="min-h-40" />
            <SectionPlaceholder headingId="store-title" title="What the server stores" minHeight="min-h-68" />
          </>
        }
      />
    </div>
  );
}
