import "server-only";
import type { Trace } from "./trace";

/**
 * In-process numbers per guarded route: how many requests, and the distribution of the time the
 * auth step took (the same figure each response carries in Server-Timing). Kept in memory, last
 * 2,048 samples per route; the compare page and the benchmark read them.
 */
export type RouteName = "session" | "jwt" | "hybrid" | "baseline";

type Series = { count: number; queries: number; samples: Float64Array; next: number };
const SAMPLES = 2048;

const globalForMetrics = globalThis as unknown as { loginLabMetrics?: Map<RouteName, Series> };
const series: Map<RouteName, Series> = (globalForMetrics.loginLabMetrics ??= new Map<RouteName, Series>());

export function recordAuth(route: RouteName, trace: Trace): void {
  let s = series.get(route);
  if (!s) series.set(route, (s = { count: 0, queries: 0, samples: new Float64Array(SAMPLES), next: 0 }));
  s.count += 1;
  s.queries += trace.queries;
  s.samples[s.next] = trace.authMs * 1000;
  s.next = (s.next + 1) % SAMPLES;
}

/**
 * `count`: requests since the process started; `samples`: how many of the latest the distribution
 * covers (at most 2,048).
 */
export type RouteStats = { count: number; samples: number; queriesPerRequest: number; authMicros: { p50: number; p99: number; mean: number } | null };

export function routeStats(): Record<RouteName, RouteStats> {
  const out = {} as Record<RouteName, RouteStats>;
  for (const route of ["session", "jwt", "hybrid", "baseline"] as RouteName[]) {
    const s = series.get(route);
    if (!s || s.count === 0) {
      out[route] = { count: 0, samples: 0, queriesPerRequest: 0, authMicros: null };
      continue;
    }
    const n = Math.min(s.count, SAMPLES);
    const sorted = Array.from(s.samples.subarray(0, n)).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))];
    const mean = sorted.reduce((a, b) => a + b, 0) / n;
    out[route] = { count: s.count, samples: n, queriesPerRequest: s.queries / s.count, authMicros: { p50: at(0.5), p99: at(0.99), mean } };
  }
  return out;
}
