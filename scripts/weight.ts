/**
 * `npm run weight` — how light the home page is to load.
 *
 * Serves the build already in .next (--build: runs `next build` first) on a fresh SQLite file,
 * then prints the first-load JavaScript of `/` (every script its HTML loads, gzipped, per script
 * and in total) and its Largest Contentful Paint in Chromium (median of 5 loads, fresh context
 * each). Numbers are printed, never asserted. Targets: ≤ 150 KB gzip, LCP ≤ 1.0 s.
 *
 * --short: one LCP sample (as `npm run bench -- --short`, which `npm test` runs, measures it).
 * --samples N: LCP samples (default 5).
 */
import { existsSync } from "node:fs";
import { weigh } from "./page-weight";
import { type ProductionServer, productionEnv, startProductionServer, step } from "./production-server";

const short = process.argv.includes("--short");
const samplesArg = process.argv.indexOf("--samples");
const SAMPLES = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : short ? 1 : 5;
const PORT = Number(process.env.WEIGHT_PORT ?? 3250);
const DB_FILE = "data/weight.db";
const env = productionEnv(PORT, DB_FILE, "weight-demo-password");

let server: ProductionServer | undefined;
function stopServer() {
  server?.stop();
  server = undefined;
}

async function main() {
  if (process.argv.includes("--build")) {
    console.log("building (next build)…");
    step(env, "next build", "npx", ["next", "build"], "inherit");
  } else if (!existsSync(".next/BUILD_ID")) {
    throw new Error("no build in .next: run `npx next build` first, or pass --build");
  }
  server = await startProductionServer(env, DB_FILE);
  await weigh(server.base, { samples: SAMPLES });
}

// Never leave the server behind: not on an error, not on Ctrl-C.
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

main().then(
  () => {
    stopServer();
    process.exit(0);
  },
  (error) => {
    stopServer();
    console.error(error);
    process.exit(1);
  },
);
