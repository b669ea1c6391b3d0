/**
 * The unit tests' databases. scripts/test-unit.mjs prepares one template per run (migrated and
 * seeded once, by lib/testing/template.ts); every test process then works on a copy of its own —
 * a copied SQLite file, or a PostgreSQL database created from the template
 * (`CREATE DATABASE … TEMPLATE …`) — so test files can run side by side without sharing rows, and
 * none of them pays for the migrations again.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { sqliteFilePath } from "../config";

export const TEST_PASSWORD = "unit-test-password";
/** The demo users every test database starts with. */
export const TEST_USERS = ["alice", "bob", "carol"];

/** The environment of a test process: throwaway secrets, short-enough timeouts, the test password. */
export function testEnv(): Record<string, string> {
  return {
    NODE_ENV: "test",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    JWT_PRIVATE_KEY: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
    DEMO_PASSWORD: TEST_PASSWORD,
    SESSION_IDLE_TTL_SECONDS: "1800",
    SESSION_ABSOLUTE_TTL_SECONDS: "43200",
  };
}

/**
 * Applies the migrations to `process.env.DATABASE_URL` and seeds the test users. The schema engine
 * leaves a timer of its own behind on PostgreSQL (about 10 s), so a process that calls this should
 * exit explicitly, or expect to wait that long.
 */
export async function migrateAndSeed(): Promise<void> {
  const url = process.env.DATABASE_URL as string;
  const { applyMigrations } = await import("../database/migrate");
  await applyMigrations(url);
  const { seedDemoUsers } = await import("../database/seed");
  await seedDemoUsers(TEST_PASSWORD, TEST_USERS);
}

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** Where to run CREATE/DROP DATABASE: TEST_POSTGRES_URL, else the server's `postgres` database. */
function adminUrl(databaseUrl: string): string {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return url.toString();
}

async function admin<T>(databaseUrl: string, run: (client: import("pg").Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A copy of the template database for this process: returns its URL and how to drop it.
 * SQLite: the file is copied next to the template (the runner removes that folder at the end).
 * PostgreSQL: created from the template with `synchronous_commit = off`.
 */
export async function copyOfTemplate(templateUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!isPostgres(templateUrl)) {
    const template = sqliteFilePath(templateUrl);
    const file = path.join(path.dirname(template), `test-${process.pid}.db`);
    copyFileSync(template, file);
    return { url: `file:${file}`, drop: async () => {} };
  }
  const url = new URL(templateUrl);
  const template = url.pathname.slice(1);
  const name = `${template}_${process.pid}`;
  await admin(templateUrl, async (c) => {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // A throwaway database needs no durability: commits need not wait for the WAL flush.
    await c.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(templateUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
