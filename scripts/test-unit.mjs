// Runs every lib/**/*.test.ts with Node's test runner (Node 20's --test takes no globs):
// once on SQLite (a fresh file per test file), and once more on PostgreSQL when
// TEST_POSTGRES_URL names a server (a fresh database is created for the run and dropped after).
// `--conditions=react-server` lets the app's `server-only` modules load outside Next.js.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import pg from "pg";

const files = readdirSync("lib", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.ts") && !f.startsWith("generated"))
  .map((f) => `lib/${f}`)
  .sort();
if (files.length === 0) {
  console.error("no unit tests found under lib/");
  process.exit(1);
}

function run(label, env, extra = []) {
  console.log(`\n=== unit tests on ${label} ===`);
  const args = ["--conditions=react-server", "--import", "tsx", "--import", "./lib/testing/setup.ts", "--test", "--test-reporter=spec", ...extra, ...files];
  return spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

let status = run("SQLite", { TEST_DATABASE_URL: "" });

const server = process.env.TEST_POSTGRES_URL;
if (!server) {
  console.log("\n=== unit tests on PostgreSQL: not run (set TEST_POSTGRES_URL=postgresql://user@host:5432/db to run them) ===");
} else if (status === 0) {
  const name = `login_lab_test_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    // One file at a time: they share this database.
    status = run("PostgreSQL", { TEST_DATABASE_URL: url.toString() }, ["--test-concurrency=1"]);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
process.exit(status);
