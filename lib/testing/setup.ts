/**
 * Loaded before every unit-test file (`node --import`): each test process gets its own migrated,
 * seeded SQLite file — or, with TEST_DATABASE_URL, a PostgreSQL database — and throwaway secrets.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../scripts/lib/schema-engine";

export const TEST_PASSWORD = "unit-test-password";

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: process.env.TEST_DATABASE_URL || `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "login-lab-test-")), "test.db")}`,
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  JWT_PRIVATE_KEY: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
  DEMO_PASSWORD: TEST_PASSWORD,
  SESSION_IDLE_TTL_SECONDS: "1800",
  SESSION_ABSOLUTE_TTL_SECONDS: "43200",
});

// `node --test` runs each file in a child process of its own, and --import runs this module in the
// parent too: only the children need a database (an unused pg pool would hold the parent ~10 s).
const runnerParent = process.execArgv.includes("--test") && !process.env.NODE_TEST_CONTEXT;
if (!runnerParent) {
  await applyMigrations(process.env.DATABASE_URL as string);
  const { seedDemoUsers } = await import("../../scripts/seed");
  await seedDemoUsers(TEST_PASSWORD, ["alice", "bob", "carol"]);
}

// A test process ends when its tests do: close the store's connections (a pg pool left open holds
// the process for its idle timeout, ~10 s a file).
if (!runnerParent) {
  const { after } = await import("node:test");
  after(async () => {
    const { db } = await import("../db");
    await db().$disconnect();
  });
}
