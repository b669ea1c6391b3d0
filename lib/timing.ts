/**
 * The one way Login Lab times a micro-cost on a live server (an unseal, a signature check, a
 * session check): several runs of a batch of calls, each run giving µs per call, summarised as
 * the median run and the spread of the runs. One run alone says little on a shared machine —
 * a collection, a compile or another visitor's request lands in one run and not the next — so the
 * pages show the median with the middle half of the runs (p25–p75) and how many runs there were.
 */

/** µs per call: the median run, the middle half of the runs (p25–p75), their min and max. */
export type Timing = { median: number; p25: number; p75: number; min: number; max: number; runs: number; callsPerRun: number };

/** The `q` quantile of sorted numbers, interpolated between the two nearest ranks. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** The summary of per-run figures (µs per call), as the pages show it. */
export function summarize(perRun: number[], callsPerRun: number): Timing {
  if (perRun.length === 0) throw new Error("no runs to summarize");
  const sorted = [...perRun].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
    callsPerRun,
  };
}

export type TimingOptions = {
  /** How many runs; the median needs a few (odd, so it is one run's figure). */
  runs: number;
  /** Calls per run; each run's figure is its time ÷ this. */
  callsPerRun: number;
  /** Calls made first and not timed (the first sight of a function, its JIT, cold caches). */
  warmup?: number;
  /** The clock, in ms (tests pass their own). */
  now?: () => number;
};

/** Times `fn`: `runs` runs of `callsPerRun` sequential calls after `warmup` untimed ones. */
export async function timeMicros(fn: () => unknown, { runs, callsPerRun, warmup = 1, now = () => performance.now() }: TimingOptions): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const perRun: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = now();
    for (let i = 0; i < callsPerRun; i++) await fn();
    perRun.push(((now() - start) / callsPerRun) * 1000);
  }
  return summarize(perRun, callsPerRun);
}

/** A timing as a message's values: `{name}` the median, `{nameLow}`–`{nameHigh}` the middle half of the runs. */
export function timingValues<N extends string>(name: N, t: Timing): Record<N | `${N}Low` | `${N}High`, number> {
  return { [name]: t.median, [`${name}Low`]: t.p25, [`${name}High`]: t.p75 } as Record<N | `${N}Low` | `${N}High`, number>;
}
