/**
 * Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter. It applies the
 * committed migrations (recording them in `_prisma_migrations`, as `prisma migrate deploy` does)
 * without the native engine binary that Prisma's CLI would download.
 *
 * Used outside Next.js only: by scripts/prepare.ts, scripts/db-diff.ts (plain `tsx`, without the
 * react-server condition) and the unit-test setup — so nothing here may import a server-only module.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { sqliteFilePath } from "../config";
import { migrationsDir, type Provider, providerOf, schemaFor, schemaPath } from "./providers";

type Engine = Awaited<ReturnType<typeof bindings.SchemaEngine.new>>;

let loaded = false;
/** Node 20 cannot import a `.wasm` module, so instantiate it by hand with the JS glue as imports. */
function loadWasm() {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const module = new WebAssembly.Module(readFileSync(wasmFile));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

function adapterFor(databaseUrl: string) {
  if (providerOf(databaseUrl) === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSqlite3({ url: file });
  }
  return new PrismaPg({ connectionString: databaseUrl });
}

type ScriptRunner = { executeScript(script: string): Promise<void>; client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };

/**
 * adapter-pg runs a migration script by splitting it at every ";", which cuts a PL/pgSQL function
 * body (the cache-invalidation triggers) in pieces. PostgreSQL's simple query protocol takes a
 * whole script at once, in one implicit transaction: send it so.
 */
function sendScriptsWhole(adapter: ScriptRunner) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
}

async function withEngine<T>(databaseUrl: string, run: (engine: Engine, p: Provider) => Promise<T>): Promise<T> {
  loadWasm();
  const p = providerOf(databaseUrl);
  // The engine opens connections but never closes them; an SQLite connection left open keeps
  // its lock, so track what it opens and dispose of it when done.
  const factory = adapterFor(databaseUrl);
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking = Object.create(factory, {
    connect: {
      value: async () => {
        const adapter = await factory.connect();
        opened.push(adapter);
        if (p === "postgresql") sendScriptsWhole(adapter as unknown as ScriptRunner);
        return adapter;
      },
    },
  }) as typeof factory;
  const logs: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schemaPath(p), schemaFor(p)]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await run(engine, p);
  } catch (error) {
    if (logs.length) console.error(logs.join("\n"));
    throw error;
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

/** The committed migrations of one provider, in the shape the engine expects. */
export function migrationList(p: Provider) {
  const baseDir = migrationsDir(p);
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations; returns the names of those applied now (none when up to date). */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, async (engine, p) => {
    const out = await engine.applyMigrations({
      migrationsList: migrationList(p),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  });
}

/** The SQL that turns schema `from` (empty when null) into schema `to`, for provider `p`. */
export async function diffSchemas(p: Provider, from: string | null, to: string): Promise<string> {
  // Diffing two datamodels reads no database, but the engine still needs an adapter of the dialect.
  const scratch =
    p === "sqlite"
      ? "file:" + path.join(os.tmpdir(), "login-lab-diff.db")
      : (process.env.DIFF_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  return withEngine(scratch, async (engine) => {
    const target = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: schemaPath(p), content }] });
    const res = await engine.diff({
      from: from === null ? { tag: "empty" } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return res.stdout ?? "";
  });
}
