/**
 * Loaded before every unit-test file (`node --import`): each test process gets throwaway secrets
 * and a database of its own, seeded with the test users —
 * - with TEST_DATABASE_TEMPLATE (what scripts/test-unit.mjs sets): a copy of that migrated, seeded
 *   template (an SQLite file, or a PostgreSQL database), dropped when the process's tests end;
 * - otherwise (a file run by hand): TEST_DATABASE_URL, or a fresh SQLite file, migrated and seeded
 *   here.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyOfTemplate, migrateAndSeed, TEST_PASSWORD, testEnv } from "./database";

export { TEST_PASSWORD };

Object.assign(process.env, testEnv());

// `node --test` runs each file in a child process of its own, and --import runs this module in the
// parent too: only the children need a database (an unused pg pool would hold the parent ~10 s).
const runnerParent = process.execArgv.includes("--test") && !process.env.NODE_TEST_CONTEXT;
if (!runnerParent) {
  const template = process.env.TEST_DATABASE_TEMPLATE;
  let drop = async () => {};
  if (template) {
    const copy = await copyOfTemplate(template);
    process.env.DATABASE_URL = copy.url;
    drop = copy.drop;
  } else {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL || `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "login-lab-test-")), "test.db")}`;
    await migrateAndSeed();
  }

  // A test process ends when its tests do: close the store's connections (a pg pool left open holds
  // the process for its idle timeout, ~10 s a file), then drop this process's copy.
  const { after } = await import("node:test");
  after(async () => {
    const { db } = await import("../db");
    await db().$disconnect();
    await drop();
  });
}
