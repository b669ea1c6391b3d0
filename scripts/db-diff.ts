/**
 * `npm run db:diff -- <name>`: after editing prisma/models.prisma, writes a new migration for each
 * provider — the SQL from the last migration's schema snapshot to the current schema — plus the
 * new snapshot beside it. (Prisma's `migrate dev` needs the native engine; this needs none.)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemas } from "../lib/database/migrate";
import { migrationsDir, type Provider, schemaFor } from "../lib/database/providers";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const p of ["sqlite", "postgresql"] as Provider[]) {
  const dir = migrationsDir(p);
  mkdirSync(dir, { recursive: true });
  const previous = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort().at(-1)
    : undefined;
  const from = previous ? readFileSync(path.join(dir, previous, "schema.prisma"), "utf8") : null;
  const to = schemaFor(p);
  const sql = await diffSchemas(p, from, to);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${p}: no change`);
    continue;
  }
  const target = path.join(dir, `${stamp}_${name}`);
  mkdirSync(target);
  writeFileSync(path.join(target, "migration.sql"), sql);
  writeFileSync(path.join(target, "schema.prisma"), to);
  writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${p}"\n`);
  console.log(`${p}: wrote ${path.relative(process.cwd(), target)}/migration.sql`);
}
process.exit(0);
