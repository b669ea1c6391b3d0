/**
 * `npm run cluster` (scripts/cluster.mjs) as a child of another script — the cluster benchmark and
 * the cluster e2e run: on a fresh PostgreSQL database of its own, dropped when it stops.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

export type RunningCluster = { a: string; b: string; resource: string; databaseUrl: string; keyEncryptionSecret: string; stop: () => Promise<void>; output: string[] };

/** The PostgreSQL server to use: TEST_POSTGRES_URL, else the local one. */
export function postgresServer(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: postgresServer() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startCluster(options: { name: string; ports: [number, number, number]; env?: Record<string, string>; flags?: string[] }): Promise<RunningCluster> {
  const database = `login_lab_${options.name}_${Date.now()}`;
  const url = new URL(postgresServer());
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const [portA, portB, portResource] = options.ports;
  const output: string[] = [];
  const keyEncryptionSecret = randomBytes(32).toString("base64url");
  const child: ChildProcess = spawn(process.execPath, ["scripts/cluster.mjs", "--no-build", ...(options.flags ?? [])], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT_A: String(portA),
      PORT_B: String(portB),
      PORT_RESOURCE: String(portResource),
      KEY_ENCRYPTION_SECRET: keyEncryptionSecret,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const drop = () => admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    await drop();
  };
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (line) output.push(line);
        if (line.includes("cluster: ready")) resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`the cluster exited (${code}) before it was ready:\n${output.slice(-30).join("\n")}`)));
    setTimeout(() => reject(new Error(`the cluster was not ready within 120 s:\n${output.slice(-30).join("\n")}`)), 120_000).unref();
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { a: `http://127.0.0.1:${portA}`, b: `http://127.0.0.1:${portB}`, resource: `http://127.0.0.1:${portResource}`, databaseUrl, keyEncryptionSecret, stop, output };
}
