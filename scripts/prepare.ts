/**
 * Runs before `npm run dev` (with --dev) and `npm start`: loads the same .env files Next.js does,
 * generates development secrets into .env.local on first run, refuses to go on with a missing or
 * weak secret, applies pending migrations and seeds the demo users (in public mode: removes them).
 *
 * Started with `--conditions=react-server` so that the app's own server-only modules load here.
 */
import nextEnv from "@next/env";
import { ConfigError, parseConfig } from "../lib/config";
import { applyMigrations } from "../lib/database/migrate";
import { root } from "../lib/database/providers";
import { removeDemoUsers, seedDemoUsers } from "../lib/database/seed";
import { ensureLocalSecrets } from "./dev-secrets";

const dev = process.argv.includes("--dev");
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
nextEnv.loadEnvConfig(root, dev, { info: () => {}, error: console.error });

async function ensureDevSecrets() {
  const made = await ensureLocalSecrets(["SESSION_SECRET", "JWT_PRIVATE_KEY"], "scripts/prepare.ts");
  if (made.length) console.log(`login-lab: generated development secrets into .env.local (${made.join(", ")})`);
}

try {
  if (dev && process.env.NODE_ENV !== "production") await ensureDevSecrets();
  const config = parseConfig(process.env);
  const applied = await applyMigrations(config.DATABASE_URL);
  const store = config.DATABASE_URL.startsWith("file:") ? config.DATABASE_URL : "PostgreSQL";
  console.log(`login-lab: database ${store}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  if (config.DEMO_PASSWORD) {
    const seeded = await seedDemoUsers(config.DEMO_PASSWORD, config.DEMO_USERS);
    if (seeded.length) console.log(`login-lab: demo users ready (${seeded.join(", ")})`);
  } else {
    // Public mode: no shared accounts, not even ones left from an earlier private deployment.
    const removed = await removeDemoUsers(config.DEMO_USERS);
    console.log(`login-lab: public mode, visitors get throwaway accounts${removed.length ? ` (removed the shared demo users ${removed.join(", ")})` : ""}`);
  }
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
