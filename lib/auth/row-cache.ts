import "server-only";
import { noteCached } from "../trace";
import { cacheUsable, onInvalidate } from "./invalidation";
import { andThen, type MaybePromise } from "./remembered";

/**
 * Store rows an instance keeps in memory so that a request needs no store round trip, and still
 * never outlives a revocation: each entry is forgotten the moment the store announces a change to
 * it (lib/auth/invalidation.ts), and no entry is used while the announcements might be missed.
 *
 * `prefix` names what the entries are ("s" for sessions, "d" for the deny-list): an invalidation
 * "s:<id>" forgets one entry, "s:*" or "*" all of them. Bounded: past `max`, the least recently
 * used entry goes first.
 */
export class RowCache<T> {
  private readonly rows = new Map<string, T>();
  /** Bumps with each invalidation of this cache's rows: a read fills the cache only if it did not move. */
  private generation = 0;

  constructor(
    private readonly prefix: string,
    private readonly max = 10_000,
  ) {
    onInvalidate((key) => {
      if (key === "*" || key === `${prefix}:*`) this.rows.clear();
      else if (key.startsWith(`${prefix}:`)) this.rows.delete(key.slice(prefix.length + 1));
      else return;
      this.generation += 1;
    });
  }

  /**
   * The row for `id`: from memory when the cache may answer and has it, else `read()` from the
   * store — and kept, unless an invalidation arrived while the read was in flight (it may concern
   * this very row) or `keep` says no.
   */
  get<R extends T | null>(id: string, read: () => MaybePromise<R>, keep: (row: R) => boolean = (row) => row !== null): MaybePromise<R> {
    if (cacheUsable()) {
      const hit = this.rows.get(id);
      if (hit !== undefined) {
        this.rows.delete(id);
        this.rows.set(id, hit); // a Map iterates in insertion order: first = least recent
        noteCached();
        return hit as R;
      }
    }
    const before = this.generation;
    return andThen(read(), (row) => {
      if (keep(row) && this.generation === before && cacheUsable()) this.put(id, row as T);
      return row;
    });
  }

  private put(id: string, row: T) {
    this.rows.delete(id);
    this.rows.set(id, row);
    if (this.rows.size > this.max) this.rows.delete(this.rows.keys().next().value as string);
  }

  get size(): number {
    return this.rows.size;
  }
}

/** One cache per name and process, shared by proxy.ts's bundle and the routes' (see sharedRemembered). */
export function sharedRowCache<T>(prefix: string, max?: number): RowCache<T> {
  const key = Symbol.for(`login-lab.row-cache.${prefix}`);
  const slot = globalThis as unknown as Record<symbol, RowCache<T> | undefined>;
  return (slot[key] ??= new RowCache<T>(prefix, max));
}
