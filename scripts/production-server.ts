/**
 * A production server of the build in .next, for the measuring scripts (bench.ts, weight.ts): a
 * fresh SQLite file, this run's own secrets, migrated and seeded by scripts/prepare.ts, served by
 * `npm start`'s scripts/server.mjs. Waits until /api/health answers.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";

export type ProductionServer = { base: string; env: NodeJS.ProcessEnv; stop: () => void };

/** The environment of a measuring run: production, its own database file, fresh secrets. */
export function productionEnv(port: number, dbFile: string, demoPassword: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: `file:./${dbFile}`,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    JWT_PRIVATE_KEY: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
    DEMO_PASSWORD: demoPassword,
    COOKIE_SECURE: "false",
    ...extra,
  };
}

/** Runs a command to completion in `env`; throws when it fails. */
export function step(env: NodeJS.ProcessEnv, label: string, cmd: string, args: string[], stdout: "ignore" | "inherit" = "ignore") {
  const run = spawnSync(cmd, args, { stdio: ["ignore", stdout, "inherit"], env });
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status})`);
}

export async function startProductionServer(env: NodeJS.ProcessEnv, dbFile: string): Promise<ProductionServer> {
  const base = `http://127.0.0.1:${env.PORT}`;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  step(env, "migrate + seed", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/prepare.ts"]);
  const server: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: "ignore" });
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill();
  };
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, env, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error("the server did not answer /api/health within 10 s");
}
