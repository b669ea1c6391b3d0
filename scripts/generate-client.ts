/**
 * Writes each provider's schema from prisma/models.prisma and generates its Prisma client.
 * Runs on `npm install` (postinstall). Prisma's CLI would download a native schema engine that
 * `generate` never runs, so it is pointed at an existing file instead (see README, "Database").
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { type Provider, root, schemaFor, schemaPath } from "../lib/database/providers";

const providers: Provider[] = ["sqlite", "postgresql"];
// Both at once: each is a process of its own.
await Promise.all(
  providers.map(async (p) => {
    const file = schemaPath(p);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, schemaFor(p));
    const { stderr } = await promisify(execFile)(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", file], {
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    });
    if (stderr.trim()) process.stderr.write(stderr);
    console.log(`prisma client (${p}) generated`);
  }),
);
