// A server Playwright tests against: a fresh SQLite file, a production build, then `npm start`
// (which applies the migrations and seeds the demo users before serving).
//
// With E2E_SKIP_BUILD it serves the build already in .next (playwright.config.ts starts the
// public-mode server that way, after the first server has built and answered). With E2E_PUBLIC it
// runs in public mode: DEMO_PASSWORD is removed from its environment, whatever the shell had.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const url = process.env.DATABASE_URL ?? "";
if (url.startsWith("file:")) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(url.slice(5) + suffix, { force: true });
}
if (process.env.E2E_PUBLIC) delete process.env.DEMO_PASSWORD;
if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (!existsSync(".next/BUILD_ID")) {
  console.error("e2e-server: E2E_SKIP_BUILD is set but there is no build in .next (run `npm run build` first).");
  process.exit(1);
}
const server = spawn("npm", ["start"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
