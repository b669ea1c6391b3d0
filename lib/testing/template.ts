/**
 * `node --conditions=react-server --import tsx lib/testing/template.ts <DATABASE_URL>`: migrates
 * and seeds the database that every unit-test process of the run then copies (see
 * lib/testing/database.ts). Run by scripts/test-unit.mjs, once per store.
 */
import { migrateAndSeed, testEnv } from "./database";

const url = process.argv[2];
if (!url) {
  console.error("usage: lib/testing/template.ts <DATABASE_URL>");
  process.exit(2);
}
Object.assign(process.env, testEnv(), { DATABASE_URL: url });
try {
  await migrateAndSeed();
  const { db } = await import("../db");
  await db().$disconnect();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
