import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { sqliteFilePath } from "./config";
import { announce, inTransaction } from "./auth/invalidation";
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
  // Every query is counted and timed into the current request's trace (Server-Timing), and every
  // write announces what it changed to this process's caches (lib/auth/invalidation.ts).
  const extended = client.$extends({
    query: {
      $allOperations: async ({ model, operation, args, query }) => {
        const result = await storeOp(() => query(args));
        if (model && !operation.startsWith("find") && operation !== "count" && operation !== "aggregate" && operation !== "groupBy") {
          for (const key of changed(model, operation, args)) announce(key);
        }
        return result;
      },
    },
  }) as unknown as Db;
  const transaction = extended.$transaction.bind(extended) as (...a: unknown[]) => Promise<unknown>;
  Object.defineProperty(extended, "$transaction", { value: (...a: unknown[]) => inTransaction(() => transaction(...a)) });
  return extended;
}

/** The cache keys a write may have changed ("s:*": every session, e.g. a user deleted with hers). */
export function changed(model: string, operation: string, args: unknown): string[] {
  const a = (args ?? {}) as { where?: { id?: unknown; jti?: unknown }; data?: { jti?: unknown } };
  switch (model) {
    case "Session": {
      if (operation === "create" || operation === "createMany") return [];
      const id = a.where?.id as string | { in?: unknown } | undefined;
      if (typeof id === "string") return [`s:${id}`];
      if (Array.isArray(id?.in) && id.in.every((i) => typeof i === "string")) return id.in.map((i) => `s:${i}`);
      return ["s:*"];
    }
    case "DeniedToken":
      if (operation.startsWith("delete")) return [];
      return [typeof a.data?.jti === "string" ? `d:${a.data.jti}` : typeof a.where?.jti === "string" ? `d:${a.where.jti}` : "d:*"];
    case "User":
      return operation.startsWith("delete") ? ["s:*"] : [];
    case "SigningKey":
      return ["k"];
    default:
      return [];
  }
}

// One client per process: Next's dev server re-evaluates modules on every edit.
const globalForDb = globalThis as unknown as { loginLabDb?: Db };

/** The one Prisma client, on the store chosen by DATABASE_URL. */
export function db(): Db {
  globalForDb.loginLabDb ??= createClient();
  return globalForDb.loginLabDb;
}
