/**
 * The scale-out e2e run (part of `npm test`): starts `npm run cluster` on a fresh PostgreSQL database
 * (scripts/cluster-process.ts) with a short JWKS cache period, runs e2e/cluster/ against it, stops
 * it and drops the database — when TEST_POSTGRES_URL names a server, as for the other PostgreSQL runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startCluster } from "./cluster-process";

if (!process.env.TEST_POSTGRES_URL) {
  console.log("\n=== e2e on the cluster: not run (set TEST_POSTGRES_URL=postgresql://user@host:5432/db to run it) ===");
  process.exit(0);
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("the cluster e2e run serves the build of the SQLite run: run `npm run test:e2e` (or `npm run build`) first.");
  process.exit(1);
}

const PASSWORD = "e2e-cluster-password";
console.log("\n=== e2e on the cluster (A, B, resource service, one PostgreSQL) ===");
const cluster = await startCluster({
  name: "e2e",
  ports: [3301, 3302, 3303],
  // A short verifier cache period, so that a new key may be promoted seconds after it is published.
  // Every login of the run comes from 127.0.0.1: no per-client limit on checks a minute.
  env: { DEMO_PASSWORD: PASSWORD, JWKS_CACHE_SECONDS: "2", JWKS_COOLDOWN_SECONDS: "0", LOGIN_MAX_CHECKS_PER_CLIENT_PER_MINUTE: "100000" },
});
let status = 1;
try {
  status =
    spawnSync("npx", ["playwright", "test", "-c", "playwright.cluster.config.ts"], {
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_CLUSTER_A: cluster.a,
        E2E_CLUSTER_B: cluster.b,
        E2E_CLUSTER_RESOURCE: cluster.resource,
        E2E_CLUSTER_A_BROWSER: cluster.a.replace("127.0.0.1", "localhost"),
        E2E_CLUSTER_B_BROWSER: cluster.b.replace("127.0.0.1", "localhost"),
        E2E_CLUSTER_PASSWORD: PASSWORD,
        // For `npm run keys:rotate` inside the specs: the cluster's store and key-encryption secret.
        DATABASE_URL: cluster.databaseUrl,
        KEY_ENCRYPTION_SECRET: cluster.keyEncryptionSecret,
        JWKS_CACHE_SECONDS: "2",
      },
    }).status ?? 1;
} finally {
  if (status !== 0) console.log(cluster.output.slice(-40).join("\n"));
  await cluster.stop();
}
process.exit(status);
