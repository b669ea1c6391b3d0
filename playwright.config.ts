import { existsSync } from "node:fs";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

/**
 * e2e runs against the production build (`next build` + `npm start`, which migrates and seeds a
 * fresh SQLite file first), in real Chromium. Secrets are generated per run; the worker processes
 * inherit them through the environment, so tests can forge tokens with the real key when needed.
 *
 * Two servers run the same build: a private deployment (DEMO_PASSWORD set, the shared demo users)
 * that most specs use, and a public-mode one (no DEMO_PASSWORD, throwaway accounts only) on
 * E2E_PUBLIC_PORT for e2e/public.spec.ts. A third is `npm run dev` on E2E_DEV_PORT, for
 * e2e/dev.spec.ts: the development server the README starts. Playwright starts them in order and
 * waits for each one's url before starting the next, so the second starts once the first has built
 * and answered.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_PUBLIC_PORT ??= "3101";
const PUBLIC_PORT = Number(process.env.E2E_PUBLIC_PORT);
process.env.E2E_DEV_PORT ??= "3102";
const DEV_PORT = Number(process.env.E2E_DEV_PORT);
export const E2E_DEMO_PASSWORD = "e2e-demo-password";
process.env.E2E_SESSION_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_JWT_PRIVATE_KEY ??= JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }));

/** What both servers share: production, this run's secrets, short demo timeouts, the XSS lab on. */
const common = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  SESSION_SECRET: process.env.E2E_SESSION_SECRET,
  // Set here, so the development secrets in .env.local never reach this run.
  JWT_PRIVATE_KEY: process.env.E2E_JWT_PRIVATE_KEY,
  // Short demo values, so that waiting for them stays short.
  SESSION_DEMO_IDLE_SECONDS: "3",
  REFRESH_GRACE_SECONDS: "2",
  LAB_XSS_ENABLED: "true",
  // Every e2e login comes from 127.0.0.1: the per-client checks a minute would otherwise stop the suite.
  LOGIN_MAX_CHECKS_PER_CLIENT_PER_MINUTE: "100000",
};

// Debian's Chromium where it exists (machines without Playwright's download), else Playwright's own.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // The PostgreSQL run (scripts/e2e-postgres.mjs) starts no `npm run dev` server, so it leaves out its spec.
  // e2e/cluster/ runs against `npm run cluster` (scripts/e2e-cluster.ts, playwright.cluster.config.ts).
  testIgnore: process.env.E2E_NO_DEV ? ["dev.spec.ts", "cluster/**"] : ["cluster/**"],
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // A failed test keeps its trace: actions, console and network, plus DOM snapshots outside CI. No
    // screencast: on two cores it cost Chromium more CPU than the pages themselves; CI also skips the
    // snapshots (a failure there still prints the page's ARIA snapshot as its error context).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: !process.env.CI },
    ...devices["Desktop Chrome"],
    // The lab speaks the browser's language (Accept-Language): the suite reads English unless a
    // spec asks for Korean (e2e/i18n.spec.ts).
    locale: "en-US",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://localhost:${PORT}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...common,
        PORT: String(PORT),
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
        DEMO_PASSWORD: E2E_DEMO_PASSWORD,
        // Extra users so that tests about limits and revocation never touch each other's sessions.
        DEMO_USERS: "alice,bob,carol,dave,erin,frank,grace,heidi,ivan,judy,kim,lee,mina",
      },
    },
    {
      // Public mode: the same build (never built twice), its own database file.
      command: "node scripts/e2e-server.mjs",
      url: `http://localhost:${PUBLIC_PORT}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...common,
        PORT: String(PUBLIC_PORT),
        DATABASE_URL: process.env.E2E_PUBLIC_DATABASE_URL ?? "file:./data/e2e-public.db",
        E2E_PUBLIC: "1",
        E2E_SKIP_BUILD: "1",
        // Every e2e request comes from 127.0.0.1: room for all of public.spec.ts, retries included.
        DEMO_ACCOUNTS_PER_CLIENT_PER_HOUR: "30",
      },
    },
    // `npm run dev` (not in the PostgreSQL run, scripts/e2e-postgres.mjs: it does not depend on the store).
    ...(process.env.E2E_NO_DEV ? [] : [devServer()]),
  ],
});

/** `npm run dev`, as the README starts it: what works in the production build must work here too (e2e/dev.spec.ts), at both of its addresses. Its own database file; this run's secrets. */
function devServer() {
  return {
    command: "npm run dev",
    url: `http://localhost:${DEV_PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      ...common,
      NODE_ENV: "development",
      PORT: String(DEV_PORT),
      DATABASE_URL: process.env.E2E_DEV_DATABASE_URL ?? "file:./data/e2e-dev.db",
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
    },
  };
}
