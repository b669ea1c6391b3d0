/**
 * `npm run bench` — what each mode's check costs a real server.
 *
 * Builds the app (unless --skip-build), starts the production server on a fresh SQLite file, logs
 * in once per mode, then loads GET /api/<mode>/mypage, the unguarded GET /api/baseline/mypage
 * (same shape, same instrumentation, and like the guarded routes it passes through proxy.ts) and
 * GET /api/baseline/unproxied (the same answer at a path proxy.ts's matcher leaves out) with
 * autocannon over loopback, in interleaved rounds so that machine noise hits all three alike.
 * Prints, per mode: median guarded ÷ baseline throughput (what the check costs), p50/p99 latency,
 * and the in-process auth time the server itself recorded (the Server-Timing `auth` figure, read
 * back from /api/metrics); then unproxied ÷ baseline and the time per request that difference
 * makes (what Next.js's proxy costs any request it runs for, whatever it checks). Numbers are
 * printed, never asserted.
 *
 * Then, on the same server, how light the home page is to load (scripts/page-weight.ts, also
 * `npm run weight`): the first-load JavaScript of `/` in KB gzip and its Largest Contentful Paint in
 * Chromium, median of 5 loads.
 *
 * --short: a 1-second warm-up and one 2-second round per mode, one LCP load (what CI runs, so the
 * script cannot rot). --cluster: the scale-out measurements on two instances and PostgreSQL instead
 * (scripts/bench-cluster.ts). --logins: one client flooding right passwords beside another's login
 * (scripts/bench-logins.ts).
 */
import os from "node:os";
import autocannon from "autocannon";
import { weigh } from "./page-weight";
import { productionEnv, startProductionServer, step } from "./production-server";

const short = process.argv.includes("--short");
const ROUNDS = short ? 1 : 5;
const SECONDS = short ? 2 : 5;
const CONNECTIONS = 16;
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/bench.db";
const PASSWORD = "bench-demo-password";

const env = productionEnv(PORT, DB_FILE, PASSWORD, { HYBRID_ACCESS_TTL_SECONDS: "3600" });

async function login(mode: "session" | "jwt" | "hybrid"): Promise<Record<string, string>> {
  const res = await fetch(`${BASE}/api/${mode}/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "alice", password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`${mode} login: ${res.status}`);
  if (mode === "session") return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] };
  const { access_token } = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}` };
}

type Run = { rps: number; p50: number; p99: number; non2xx: number };

async function load(path: string, headers: Record<string, string>, duration = SECONDS): Promise<Run> {
  const r = await autocannon({ url: BASE + path, connections: CONNECTIONS, duration, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The verification functions themselves, called in a loop in this process on the same database:
 * the cost of the check with warm CPU caches, next to what the first sight of a credential costs.
 */
async function hotLoop() {
  Object.assign(process.env, env);
  const Session = await import("../lib/auth/session");
  const { signAccessToken, verifyAccessToken } = await import("../lib/auth/access-token");
  const { unsealData } = await import("iron-session");
  const { jwtVerify } = await import("jose");
  const { signingKey } = await import("../lib/auth/keys");
  const alice = { id: "user_alice", username: "alice", displayName: "Alice" };
  const { cookieValue } = await Session.login(alice, { userAgent: "bench", ip: "127.0.0.1" });
  const { token } = await signAccessToken(alice, "login-lab:jwt", 3600);
  const key = (await signingKey()).publicKey;
  const per = async (n: number, fn: () => unknown) => {
    for (let i = 0; i < Math.min(n, 2000); i++) await fn();
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return ((performance.now() - start) / n) * 1000;
  };
  const n = short ? 5_000 : 50_000;
  const uncached = short ? 500 : 2_000;
  return {
    session: await per(n, () => Session.authenticate(cookieValue)),
    jwt: await per(n, () => verifyAccessToken(token, "login-lab:jwt")),
    unseal: await per(uncached, () => unsealData(cookieValue, { password: env.SESSION_SECRET as string })),
    eddsa: await per(uncached, () => jwtVerify(token, key, { algorithms: ["EdDSA"] })),
  };
}

async function main() {
  if (!process.argv.includes("--skip-build")) {
    console.log("building (next build)…");
    step(env, "next build", "npm", ["run", "build"]);
  }
  if (process.argv.includes("--logins")) {
    const { benchLogins } = await import("./bench-logins");
    await benchLogins(short, PORT + 1);
    return;
  }
  if (process.argv.includes("--cluster")) {
    if (!process.env.TEST_POSTGRES_URL && process.env.CI) {
      console.log("\n=== cluster benchmark: not run (needs PostgreSQL: set TEST_POSTGRES_URL) ===");
      return;
    }
    const { benchCluster } = await import("./bench-cluster");
    await benchCluster();
    return;
  }
  const server = await startProductionServer(env, DB_FILE);
  try {
    const modes = ["session", "jwt", "hybrid"] as const;
    const creds = Object.fromEntries(await Promise.all(modes.map(async (m) => [m, await login(m)] as const)));
    // Warm up every route (JIT, caches, the first unseal/verify) before measuring; a second is
    // enough for the short run, whose numbers are only printed.
    const warmup = short ? 1 : SECONDS;
    for (const m of modes) {
      await load(`/api/${m}/mypage`, creds[m], warmup);
      await load(`/api/baseline/mypage?shape=${m}`, {}, warmup);
      await load(`/api/baseline/unproxied?shape=${m}`, {}, warmup);
    }

    type Result = { ratios: number[]; proxyRatios: number[]; guarded: Run[]; baseline: Run[]; unproxied: Run[] };
    const results: Record<string, Result> = {};
    for (const m of modes) {
      results[m] = { ratios: [], proxyRatios: [], guarded: [], baseline: [], unproxied: [] };
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate which goes first, so none always gets the warmer machine.
        const routes = [
          ["baseline", () => load(`/api/baseline/mypage?shape=${m}`, {})],
          ["guarded", () => load(`/api/${m}/mypage`, creds[m])],
          ["unproxied", () => load(`/api/baseline/unproxied?shape=${m}`, {})],
        ] as const;
        const run: Partial<Record<(typeof routes)[number][0], Run>> = {};
        for (let i = 0; i < routes.length; i++) {
          const [name, go] = routes[(round + i) % routes.length];
          run[name] = await go();
        }
        const { baseline, guarded, unproxied } = run as Record<(typeof routes)[number][0], Run>;
        if (guarded.non2xx > 0) throw new Error(`${m}: ${guarded.non2xx} requests were not 2xx — the credential stopped working`);
        results[m].baseline.push(baseline);
        results[m].guarded.push(guarded);
        results[m].unproxied.push(unproxied);
        results[m].ratios.push(guarded.rps / baseline.rps);
        results[m].proxyRatios.push(unproxied.rps / baseline.rps);
      }
    }
    const stats = (await (await fetch(`${BASE}/api/metrics`)).json()) as Record<string, { count: number; queriesPerRequest: number; authMicros: { p50: number; mean: number } | null }>;

    const hot = await hotLoop();
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`\nLogin Lab benchmark — ${os.cpus().length} × ${cpu}, Node ${process.version}, SQLite, ${CONNECTIONS} connections, ${ROUNDS} round(s) × ${SECONDS} s per route\n`);
    const rows = [["route", "req/s (median)", "÷ baseline", "p50 ms", "p99 ms", "auth µs p50 (in-process)", "store queries / req"]];
    const baseAll = modes.flatMap((m) => results[m].baseline);
    const unproxiedAll = modes.flatMap((m) => results[m].unproxied);
    rows.push([
      "GET /api/baseline/unproxied (no proxy)",
      median(unproxiedAll.map((r) => r.rps)).toFixed(0),
      median(modes.flatMap((m) => results[m].proxyRatios)).toFixed(2),
      String(median(unproxiedAll.map((r) => r.p50))),
      String(median(unproxiedAll.map((r) => r.p99))),
      "—",
      "0",
    ]);
    rows.push([
      "GET /api/baseline/mypage (all shapes)",
      median(baseAll.map((r) => r.rps)).toFixed(0),
      "1.00",
      String(median(baseAll.map((r) => r.p50))),
      String(median(baseAll.map((r) => r.p99))),
      stats.baseline.authMicros ? stats.baseline.authMicros.p50.toFixed(1) : "—",
      "0",
    ]);
    for (const m of modes) {
      const g = results[m].guarded;
      rows.push([
        `GET /api/${m}/mypage`,
        median(g.map((r) => r.rps)).toFixed(0),
        median(results[m].ratios).toFixed(2),
        String(median(g.map((r) => r.p50))),
        String(median(g.map((r) => r.p99))),
        stats[m].authMicros ? stats[m].authMicros.p50.toFixed(1) : "—",
        stats[m].queriesPerRequest.toFixed(2),
      ]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
    // With the server saturated, 1 ÷ throughput is the server time a request takes; the proxy's
    // passage is the difference between the two yardsticks (per round, then the median).
    const proxyMs = median(modes.flatMap((m) => results[m].baseline.map((b, i) => (1 / b.rps - 1 / results[m].unproxied[i].rps) * 1000)));
    const proxyRatios = modes.flatMap((m) => results[m].proxyRatios);
    const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
    console.log(
      `\nWhat the check costs: guarded ÷ baseline, both through proxy.ts (median of rounds): ${modes.map((m) => `${m} ${median(results[m].ratios).toFixed(2)}`).join(", ")}; ` +
        `single rounds ${range(modes.flatMap((m) => results[m].ratios))}.`,
    );
    console.log(
      `What the proxy costs: a route it never runs for serves ${median(proxyRatios).toFixed(2)}× the baseline's requests (single rounds ${range(proxyRatios)}), ` +
        `≈ ${proxyMs.toFixed(2)} ms of server time per request (1 ÷ baseline req/s − 1 ÷ unproxied req/s, median over rounds).`,
    );
    console.log(
      `\nVerification in a loop (warm caches): session ${hot.session.toFixed(1)} µs (unseal remembered + the row from this instance's memory), ` +
        `JWT ${hot.jwt.toFixed(1)} µs (signature remembered, exp/nbf checked).`,
    );
    console.log(`Without remembering: iron-session unsealData ${hot.unseal.toFixed(0)} µs, jose EdDSA jwtVerify ${hot.eddsa.toFixed(0)} µs per call.`);
    console.log("Targets: ÷ baseline ≥ 0.95 for every mode; in-process verification ≤ 20 µs (session), ≤ 50 µs (JWT). Printed, not asserted.");

    await weigh(BASE, { samples: short ? 1 : 5 });
  } finally {
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
