// The server Playwright tests against: a fresh SQLite file, a production build, then `npm start`
// (which applies the migrations and seeds the demo users before serving).
import { spawnSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const url = process.env.DATABASE_URL ?? "";
if (url.startsWith("file:")) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(url.slice(5) + suffix, { force: true });
}
if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn("npm", ["start"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
