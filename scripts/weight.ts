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
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { weigh } from "./page-weight";

const short = process.argv.includes("--short");
const samplesArg = process.argv.indexOf("--samples");
const SAMPLES = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : short ? 1 : 5;
const PORT = Number(process.env.WEIGHT_PORT ?? 3250);
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = "data/weight.db";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(PORT),
  DATABASE_URL: `file:./${DB_FILE}`,
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  JWT_PRIVATE_KEY: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
  DEMO_PASSWORD: "weight-demo-password",
  COOKIE_SECURE: "false",
};

function step(label: string, cmd: string, args: string[], stdout: "ignore" | "inherit" = "ignore") {
  const run = spawnSync(cmd, args, { stdio: ["ignore", stdout, "inherit"], env });
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status})`);
}

let server: ChildProcess | undefined;

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill();
  server = undefined;
}

async function startServer() {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
  step("migrate + seed", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/prepare.ts"]);
  server = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode})`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not answer /api/health within 10 s");
}

async function main() {
  if (process.argv.includes("--build")) {
    console.log("building (next build)…");
    step("next build", "npx", ["next", "build"], "inherit");
  } else if (!existsSync(".next/BUILD_ID")) {
    throw new Error("no build in .next: run `npx next build` first, or pass --build");
  }
  await startServer();
  await weigh(BASE, { samples: SAMPLES });
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
