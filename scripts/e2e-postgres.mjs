// The end-to-end suite once more, on PostgreSQL: the same build, the same specs, both production
// servers (private and public mode) on fresh PostgreSQL databases instead of SQLite files — when
// TEST_POSTGRES_URL names a server (as for the unit tests). The databases are created for the run
// and dropped after it, whatever its outcome. The `npm run dev` server of e2e/dev.spec.ts is not
// started again, and that spec is left out (playwright.config.ts): it does not depend on the store.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";

const server = process.env.TEST_POSTGRES_URL;
if (!server) {
  console.log("\n=== e2e on PostgreSQL: not run (set TEST_POSTGRES_URL=postgresql://user@host:5432/db to run it) ===");
  process.exit(0);
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("e2e on PostgreSQL serves the build of the SQLite run: run `npm run test:e2e` (or `npm run build`) first.");
  process.exit(1);
}

const names = [`login_lab_e2e_${process.pid}`, `login_lab_e2e_${process.pid}_public`];
const urlOf = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const admin = new pg.Client({ connectionString: server });
await admin.connect();
let status = 1;
try {
  for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
  console.log("\n=== e2e on PostgreSQL ===");
  status =
    spawnSync("npx", ["playwright", "test"], {
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_SKIP_BUILD: "1",
        E2E_NO_DEV: "1",
        E2E_DATABASE_URL: urlOf(names[0]),
        E2E_PUBLIC_DATABASE_URL: urlOf(names[1]),
      },
    }).status ?? 1;
} finally {
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
process.exit(status);
