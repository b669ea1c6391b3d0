/**
 * `npm run keys:rotate`: rotates the signing keys now — the previous key retires, the current one
 * becomes previous, the next one starts signing, a new next key is published — and prints the key
 * table before and after. Refused, with the time it will be allowed, while the next key has not been
 * published long enough or the previous key still has live tokens (lib/auth/key-rotation.ts).
 *
 * Loads the same .env files Next.js does; needs KEY_ENCRYPTION_SECRET (without it there is only the
 * one key of JWT_PRIVATE_KEY, and nothing to rotate). Started with `--conditions=react-server` so that
 * the app's server-only modules load here.
 */
import nextEnv from "@next/env";
import { ConfigError, parseConfig } from "../lib/config";
import { root } from "../lib/database/providers";

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "development" });
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z") : "—");

async function main(): Promise<number> {
  const config = parseConfig(process.env);
  const { KeyRotationRefused, listKeys, NEEDS_SECRET, rotateKeys } = await import("../lib/auth/key-rotation");
  if (!config.KEY_ENCRYPTION_SECRET) {
    console.error(`login-lab: nothing to rotate. ${NEEDS_SECRET}`);
    return 1;
  }
  const print = async (title: string) => {
    const keys = await listKeys();
    console.log(`\n${title}`);
    if (keys.length === 0) {
      console.log("  (no keys yet: the first use stores JWT_PRIVATE_KEY's key as current and publishes a next key)");
      return;
    }
    const rows = [["kid", "state", "created", "signing since", "stopped signing", "retired"]];
    for (const k of keys) rows.push([`${k.kid.slice(0, 12)}…`, k.state, when(k.createdAt), when(k.activatedAt), when(k.deactivatedAt), when(k.retiredAt)]);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(`  ${r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()}`);
  };

  await print("Signing keys before:");
  try {
    const { changes } = await rotateKeys();
    console.log(`\nRotated: ${changes.map((c) => `${c.kid.slice(0, 12)}… ${c.from ?? "new"} → ${c.to}`).join(", ")}`);
  } catch (error) {
    if (!(error instanceof KeyRotationRefused)) throw error;
    console.error(`\n${error.message}`);
    await print("Signing keys now:");
    return 1;
  }
  await print("Signing keys after:");
  console.log("\nRunning instances pick the change up within 30 s (at once on PostgreSQL, where the store announces it).");
  return 0;
}

try {
  // A pg pool left open would hold the process for its idle timeout: exit explicitly.
  process.exit(await main());
} catch (error) {
  console.error(error instanceof ConfigError || (error instanceof Error && error.name === "KeyDecryptionError") ? error.message : error);
  process.exit(1);
}
