/**
 * `npm run bench -- --logins` — one client floods right passwords, another logs in (issue: the
 * password hashing budget, lib/auth/hash-budget.ts).
 *
 * A production server on a fresh SQLite file, with TRUST_PROXY_HOPS=1 so that X-Forwarded-For
 * names the client. First the visitor's idle login time (sequential logins, p50). Then the
 * flooder sends right passwords for its own account, FLOOD_PARALLEL at a time, for FLOOD_SECONDS,
 * while the visitor logs in again: its p50 under the flood, the ratio (target ≤ 3× its idle p50),
 * and how the flooder's requests were answered (200, 429, 503). Then the same flood of a route that
 * does nothing, as a yardstick: what any flood of requests costs the process. Printed, never asserted.
 */
import { productionEnv, startProductionServer } from "./production-server";

const FLOOD_PARALLEL = 30;

type Timed = { status: number; ms: number };

async function loginAs(base: string, username: string, password: string, client: string): Promise<Timed> {
  const start = performance.now();
  const res = await fetch(`${base}/api/jwt/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify({ username, password }),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - start };
}

const p50 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

/** The visitor's logins, one after another (a pause between them, as a person's would be). */
async function visitor(base: string, password: string, client: string, count: number, untilMs = Number.POSITIVE_INFINITY): Promise<Timed[]> {
  const out: Timed[] = [];
  for (let i = 0; i < count && performance.now() < untilMs; i++) {
    out.push(await loginAs(base, "alice", password, client));
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}

export async function benchLogins(short: boolean, port: number) {
  const password = "bench-demo-password";
  const seconds = short ? 3 : 8;
  const env = productionEnv(port, "data/bench-logins.db", password, { TRUST_PROXY_HOPS: "1" });
  const server = await startProductionServer(env, "data/bench-logins.db");
  try {
    const base = server.base;
    await visitor(base, password, "198.51.100.1", 3); // warm-up: JIT, the dummy hash, the first queries
    const idle = await visitor(base, password, "198.51.100.2", short ? 8 : 20);

    const counts: Record<number, number> = {};
    const end = performance.now() + seconds * 1000;
    const flooder = async () => {
      while (performance.now() < end) {
        const r = await loginAs(base, "bob", password, "203.0.113.9");
        counts[r.status] = (counts[r.status] ?? 0) + 1;
      }
    };
    const [underFlood] = await Promise.all([
      // The visitor starts once the flood is on.
      new Promise((r) => setTimeout(r, 300)).then(() => visitor(base, password, "198.51.100.3", 1_000, end)),
      ...Array.from({ length: FLOOD_PARALLEL }, flooder),
    ]);
    // The yardstick: the same flood, of a route that does nothing at all. What the visitor loses
    // there is what any flood of requests costs this one process, whatever they ask.
    const yardEnd = performance.now() + seconds * 1000;
    const [underPlainFlood] = await Promise.all([
      new Promise((r) => setTimeout(r, 300)).then(() => visitor(base, password, "198.51.100.4", 1_000, yardEnd)),
      ...Array.from({ length: FLOOD_PARALLEL }, async () => {
        while (performance.now() < yardEnd) await (await fetch(`${base}/api/baseline/unproxied`, { headers: { "x-forwarded-for": "203.0.113.10" } })).arrayBuffer();
      }),
    ]);
    const idleP50 = p50(idle.map((t) => t.ms));
    const floodP50 = p50(underFlood.map((t) => t.ms));
    const refused = underFlood.filter((t) => t.status !== 200).length;
    console.log(`\nPassword hashing budget — one client floods right passwords (${FLOOD_PARALLEL} in parallel, ${seconds} s), another logs in:`);
    console.log(`  the other client's login p50: idle ${idleP50.toFixed(1)} ms (${idle.length} logins), under the flood ${floodP50.toFixed(1)} ms (${underFlood.length} logins, ${refused} not 200): ${(floodP50 / idleP50).toFixed(2)}×`);
    const answers = Object.entries(counts).map(([status, n]) => `${n} × ${status}`).join(", ");
    console.log(`  the flooder's answers: ${answers || "none"} (200: checked and right; 429: its checks a minute or the account's checks in flight; 503: no hash slot in time)`);
    const plainP50 = p50(underPlainFlood.map((t) => t.ms));
    console.log(`  yardstick, the same flood of a route that does nothing (GET /api/baseline/unproxied): the other client's login p50 ${plainP50.toFixed(1)} ms (${(plainP50 / idleP50).toFixed(2)}× idle)`);
    console.log("  target: the other client's p50 under the flood ≤ 3× its idle p50. Printed, not asserted.");
  } finally {
    server.stop();
  }
}
