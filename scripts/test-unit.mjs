// Runs every lib/**/*.test.ts with Node's test runner (Node 20's --test takes no globs): once on
// SQLite, and once more on PostgreSQL when TEST_POSTGRES_URL names a server.
//
// Per store, a template database is migrated and seeded once (lib/testing/template.ts); each test
// file's process then works on a copy of its own (lib/testing/setup.ts): a copied SQLite file, or a
// PostgreSQL database created from the template. Files share no rows, so they run two at a time.
// Everything made for the run — the temporary folder, the PostgreSQL databases — is removed after.
// `--conditions=react-server` lets the app's `server-only` modules load outside Next.js.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const files = readdirSync("lib", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.ts") && !f.startsWith("generated"))
  .map((f) => `lib/${f}`)
  .sort();
if (files.length === 0) {
  console.error("no unit tests found under lib/");
  process.exit(1);
}
// Two test processes at a time even on two cores: much of a test's time is spent waiting on the store.
const concurrency = Math.max(2, os.availableParallelism() - 1);
const node = (args, env) => spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

function run(label, template) {
  console.log(`\n=== unit tests on ${label} ===`);
  if (node(["lib/testing/template.ts", template], {}) !== 0) {
    console.error(`could not prepare the ${label} template database`);
    return 1;
  }
  const args = ["--import", "./lib/testing/setup.ts", "--test", "--test-reporter=spec", `--test-concurrency=${concurrency}`, ...files];
  return node(args, { TEST_DATABASE_TEMPLATE: template, TEST_DATABASE_URL: "" });
}

// SQLite files in memory (tmpfs) where there is one: a commit then costs no disk flush.
function tempFolder() {
  for (const dir of ["/dev/shm", os.tmpdir()]) {
    try {
      return mkdtempSync(path.join(dir, "login-lab-unit-"));
    } catch {
      /* not there or not writable: try the next */
    }
  }
  throw new Error("no writable temporary folder");
}
const tmp = tempFolder();
let status;
try {
  status = run("SQLite", `file:${path.join(tmp, "template.db")}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

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
    status = run("PostgreSQL", url.toString());
  } finally {
    // The template and every test process's copy (login_lab_test_<pid>_<child pid>), even a crashed one's.
    const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2", [name, `${name}\\_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
}
process.exit(status);
