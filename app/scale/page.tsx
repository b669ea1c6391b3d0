import Link from "next/link";
import { channelStatus } from "@/lib/auth/invalidation";
import { env } from "@/lib/env";
import { cluster } from "@/lib/scale";
import { TrialRunner } from "./trial-runner";

export const metadata = { title: "Scale out — Login Lab" };
export const dynamic = "force-dynamic";

type Health = { name: string; url: string; kind: string; up: boolean; detail: string };

/** Each process's own /api/health (or /health), asked by this server: what the cluster looks like right now. */
async function healthOf(actors: { name: string; url: string; kind: string }[]): Promise<Health[]> {
  return Promise.all(
    actors.map(async (a) => {
      try {
        const res = await fetch(`${a.url}${a.kind === "resource" ? "/health" : "/api/health"}`, { cache: "no-store", signal: AbortSignal.timeout(2_000) });
        const body = (await res.json()) as { sessionStore?: string; invalidation?: { mode: string; usable: boolean; lastLagMs: number | null }; jwks_url?: string };
        const inv = body.invalidation;
        const detail =
          a.kind === "resource"
            ? `no database, no secret; trusts ${body.jwks_url ?? "a JWKS"}`
            : `sessions in ${body.sessionStore === "memory" ? "this process's memory" : "PostgreSQL"}; invalidation ${inv?.mode ?? "?"}: ${inv?.usable ? `listening${inv.lastLagMs !== null ? ` (heartbeat ${inv.lastLagMs} ms)` : ""}` : "DOWN — reading the store on every request"}`;
        return { ...a, up: res.ok, detail };
      } catch {
        return { ...a, up: false, detail: "not answering" };
      }
    }),
  );
}

const code = "rounded bg-zinc-100 px-1 font-mono text-sm dark:bg-zinc-800";

export default async function ScalePage() {
  const c = cluster();
  const health = c ? await healthOf(c.all) : [];
  const here = channelStatus();
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Scale out: two instances, one store, a resource service</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          The post says sessions make scaling out harder (S7) while any server holding the key can check a token (T4, T6, T7). Here the claims run
          between real processes: two production instances on one PostgreSQL, and a resource service with no database and no secret. Every step
          below is a real HTTP request, sent by this instance as a client would.
        </p>
      </div>

      {c ? (
        <>
          <section aria-labelledby="processes" className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <h2 id="processes" className="font-semibold">
              The processes
            </h2>
            <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="scale-processes">
              {health.map((h) => (
                <li key={h.name} data-testid={`process-${h.name}`} data-up={h.up}>
                  <strong>{h.name === c.self.name ? `${h.name} (this instance)` : h.name}</strong> <code className={code}>{h.url}</code> —{" "}
                  <span className={h.up ? "" : "font-semibold text-red-700 dark:text-red-400"}>{h.up ? h.detail : "not answering"}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Your browser shares cookies between <code className={code}>localhost:{new URL(c.self.url).port}</code> and{" "}
              <code className={code}>localhost:{new URL(c.other.url).port}</code> (cookies ignore the port): log in on the home page here, then open{" "}
              <a className="underline" href={`${c.other.url.replace("127.0.0.1", "localhost")}/session/mypage`}>
                {c.other.name}&apos;s /session/mypage
              </a>
              .
            </p>
          </section>
          <TrialRunner self={c.self.name} other={c.other.name} hasResource={Boolean(c.resource)} sessionStore={env().SESSION_STORE} />
        </>
      ) : (
        <section aria-labelledby="start" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/30" data-testid="scale-not-running">
          <h2 id="start" className="font-semibold">
            This instance runs alone
          </h2>
          <p className="mt-2 text-sm">
            Start the cluster with <code className={code}>npm run cluster</code>: instance A on port 3001, B on 3002, the resource service on 3003, on
            the local PostgreSQL (or the one <code className={code}>DATABASE_URL</code> names). Then open{" "}
            <code className={code}>http://localhost:3001/scale</code>. <code className={code}>npm run cluster -- --memory</code> keeps sessions in
            each instance&apos;s memory.
          </p>
          <p className="mt-2 text-sm">
            Meanwhile, this instance&apos;s own cache invalidation: {here.mode}, {here.usable ? "in use" : "not in use (every request reads the store)"}.
          </p>
        </section>
      )}

      <section aria-labelledby="how" className="text-sm text-zinc-700 dark:text-zinc-300">
        <h2 id="how" className="font-semibold">
          How an instance refuses a revoked session without asking the store every time
        </h2>
        <p className="mt-2">
          Each instance keeps the session rows (and deny-list answers) it has read in memory. Triggers on the tables announce every change with
          PostgreSQL&apos;s <code className={code}>NOTIFY</code> at commit; every instance <code className={code}>LISTEN</code>s on a connection of
          its own and forgets the row at once. If that connection drops, or its heartbeat stops coming back within a second, the instance stops
          using its memory and reads the store on every request — it fails closed, never stale — until the channel is back. Libraries that cache
          sessions without such a channel let a revoked session live until the cache entry expires.
        </p>
        <p className="mt-2">
          Measured with <code className={code}>npm run bench -- --cluster</code>; the numbers and the process picture are in the README&apos;s
          &quot;Scaling out&quot; section. Compare the modes side by side on <Link href="/compare" className="underline">/compare</Link>.
        </p>
      </section>
    </div>
  );
}
