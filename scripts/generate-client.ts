/**
 * Writes each provider's schema from prisma/models.prisma and generates its Prisma client.
 * Runs on `npm install` (postinstall). Prisma's CLI would download a native schema engine that
 * `generate` never runs, so it is pointed at an existing file instead (see README, "Database").
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Provider, root, schemaFor, schemaPath } from "./providers";

const providers: Provider[] = ["sqlite", "postgresql"];
for (const p of providers) {
  const file = schemaPath(p);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, schemaFor(p));
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", file], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  console.log(`prisma client (${p}) generated`);
}
