import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { sqliteFilePath } from "./config";
import { env } from "./env";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

/** Both generated clients have the same models and methods; the SQLite one names the type. */
export type Db = SqliteClient;

function createClient(): Db {
  const url = env().DATABASE_URL;
  if (url.startsWith("file:")) {
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(url) }) });
  }
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
}

// One client per process: Next's dev server re-evaluates modules on every edit.
const globalForDb = globalThis as unknown as { loginLabDb?: Db };

/** The one Prisma client, on the store chosen by DATABASE_URL. */
export function db(): Db {
  globalForDb.loginLabDb ??= createClient();
  return globalForDb.loginLabDb;
}
