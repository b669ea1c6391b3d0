import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { sqliteFilePath } from "./config";
import { env } from "./env";
import { storeOp } from "./trace";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { type Prisma, PrismaClient as SqliteClient } from "./generated/sqlite/client";

/** Both generated clients have the same models and methods; the SQLite one names the type. */
export type Db = SqliteClient;
/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

function createClient(): Db {
  const url = env().DATABASE_URL;
  const client = url.startsWith("file:")
    ? new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(url) }) })
    : (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as SqliteClient);
  // Every query is counted and timed into the current request's trace (Server-Timing).
  return client.$extends({ query: { $allOperations: ({ args, query }) => storeOp(() => query(args)) } }) as unknown as Db;
}

// One client per process: Next's dev server re-evaluates modules on every edit.
const globalForDb = globalThis as unknown as { loginLabDb?: Db };

/** The one Prisma client, on the store chosen by DATABASE_URL. */
export function db(): Db {
  globalForDb.loginLabDb ??= createClient();
  return globalForDb.loginLabDb;
}
