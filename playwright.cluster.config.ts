import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * The scale-out e2e run: e2e/cluster/ against the cluster that scripts/e2e-cluster.ts starts (two
 * instances on one PostgreSQL and the resource service) and describes in E2E_CLUSTER_* variables.
 * One worker: the specs rotate keys and count refusals across processes.
 */
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e/cluster",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_CLUSTER_A_BROWSER ?? "http://localhost:3301",
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
});
