import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { env } from "../env";

/**
 * How an instance learns that something it may have cached has changed in the store: a session row
 * ("s:<id>"), a deny-listed token ("d:<jti>"), the signing keys ("k").
 *
 * - SQLite: one process owns the file. Every write through the Prisma client announces itself in
 *   process (lib/db.ts): at once for a single query, at the end of its transaction for the queries
 *   inside one — at commit, as the store would.
 * - PostgreSQL: the store announces it. Triggers on the tables (the scale_out migration) run
 *   `pg_notify('login_lab_invalidate', …)`, delivered at commit to every instance LISTENing on a
 *   connection of its own — whatever path made the change, cascades and other processes included.
 *
 * A cache may answer only while `cacheUsable()`: on PostgreSQL that means the listening connection
 * is up and its own heartbeat came back within LAG_LIMIT_MS. Otherwise every request reads the
 * store: down or lagging, an instance fails closed, never stale. Each loss of the channel, and each
 * return, empties the caches (what happened while deaf is unknown).
 *
 * Each cache (lib/auth/row-cache.ts) guards against the read that races a change: it keeps a row
 * only if none of its rows was invalidated while the read was in flight — that invalidation might
 * concern exactly this row.
 */

export const CHANNEL = "login_lab_invalidate";
/** How often the listener sends itself a heartbeat through the server. */
export const HEARTBEAT_MS = 200;
/** No heartbeat back for this long, or one that took this long: the channel counts as down. */
export const LAG_LIMIT_MS = 1_000;

type Listener = (key: string) => void;

type Bus = {
  listeners: Set<Listener>;
  /** PostgreSQL only. */
  channel: Channel | undefined;
};

type Channel = {
  client: pg.Client | undefined;
  /** performance.now() of the last heartbeat that came back. */
  lastBeat: number;
  /** Round trip of the last heartbeat, ms. */
  lastLag: number;
  /** Notifications received (heartbeats excluded). */
  received: number;
  since: number;
  healthy: boolean;
  stopped: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Tells this instance's heartbeats from other instances'. */
  id: string;
  /** The other instances listening, by id: when their last heartbeat came by (performance.now()). */
  peers: Map<string, number>;
  /** Barriers this instance is waiting on (settled()), by nonce. */
  barriers: Map<string, Barrier>;
};

type Barrier = { waiting: Set<string>; echoed: boolean; done: () => void };

const BUS = Symbol.for("login-lab.invalidation");
function bus(): Bus {
  const slot = globalThis as unknown as Record<symbol, Bus | undefined>;
  return (slot[BUS] ??= { listeners: new Set(), channel: undefined });
}

const postgres = () => !env().DATABASE_URL.startsWith("file:");

/** Subscribes to invalidations; "*" means "forget everything". Returns the unsubscribe. */
export function onInvalidate(listener: Listener): () => void {
  bus().listeners.add(listener);
  return () => bus().listeners.delete(listener);
}

/** Whether a cache may answer instead of the store, right now. */
export function cacheUsable(): boolean {
  if (!postgres()) return true;
  const c = bus().channel;
  if (!c?.healthy) return false;
  if (performance.now() - c.lastBeat > LAG_LIMIT_MS) {
    markDown(c, "no heartbeat for over a second");
    return false;
  }
  return true;
}

/** Announces a change to this process's caches, now. */
export function invalidate(key: string): void {
  for (const l of bus().listeners) l(key);
}

/** The keys touched by the queries of the transaction this code runs in. */
const transaction = new AsyncLocalStorage<Set<string>>();

/**
 * A write through this process's client changed `key`: announced at once, or — inside
 * `inTransaction` — when the transaction ends, since until its commit the store still holds the
 * old value and a reader may rightly cache it.
 */
export function announce(key: string): void {
  const touched = transaction.getStore();
  if (touched) touched.add(key);
  else invalidate(key);
}

/** Runs a transaction, then announces what its queries touched (committed or not: a spare invalidation costs one read). */
export async function inTransaction<T>(run: () => Promise<T>): Promise<T> {
  const touched = new Set<string>();
  try {
    return await transaction.run(touched, run);
  } finally {
    for (const key of touched) invalidate(key);
  }
}

export type ChannelStatus = {
  store: "sqlite" | "postgresql";
  mode: "in-process" | "listen/notify";
  usable: boolean;
  listening: boolean;
  lastHeartbeatMsAgo: number | null;
  lastLagMs: number | null;
  received: number;
};

export function channelStatus(): ChannelStatus {
  if (!postgres()) return { store: "sqlite", mode: "in-process", usable: cacheUsable(), listening: true, lastHeartbeatMsAgo: null, lastLagMs: null, received: 0 };
  const c = bus().channel;
  return {
    store: "postgresql",
    mode: "listen/notify",
    usable: cacheUsable(),
    listening: Boolean(c?.healthy),
    lastHeartbeatMsAgo: c && c.lastBeat ? Math.round(performance.now() - c.lastBeat) : null,
    lastLagMs: c && c.lastBeat ? Math.round(c.lastLag * 10) / 10 : null,
    received: c?.received ?? 0,
  };
}

/**
 * The barrier behind `settled()`. PostgreSQL delivers notifications to each listener in commit
 * order, and a listener handles each one at once (invalidate() is synchronous). So when an instance
 * receives barrier `b:<from>:<nonce>`, it has already forgotten every row announced before it; it
 * says so with `a:<from>:<nonce>:<its id>`. The instance that asked waits for its own echo and
 * every peer's answer.
 */
function onBarrier(c: Channel, client: pg.Client, payload: string) {
  const [kind, from, nonce, by] = payload.split(":");
  if (kind === "b") {
    if (from === c.id) {
      const barrier = c.barriers.get(nonce);
      if (barrier) (barrier.echoed = true), settle(c, nonce, barrier);
      return;
    }
    c.peers.set(from, performance.now());
    client.query("SELECT pg_notify($1, $2)", [CHANNEL, `a:${from}:${nonce}:${c.id}`]).catch(() => {});
    return;
  }
  if (from !== c.id) return;
  const barrier = c.barriers.get(nonce);
  if (!barrier) return;
  barrier.waiting.delete(by);
  settle(c, nonce, barrier);
}

function settle(c: Channel, nonce: string, barrier: Barrier) {
  if (!barrier.echoed || barrier.waiting.size > 0) return;
  c.barriers.delete(nonce);
  barrier.done();
}

export type Settled = { peers: number; answered: number; ms: number };

/**
 * Waits until every instance listening on the channel — this one and each peer whose heartbeat
 * came by within LAG_LIMIT_MS — has handled the announcements of every write committed before this
 * call: after it, no instance's cache still answers with a row those writes changed. A logout or a
 * revocation awaits it before it answers, so that "logged out" is true on every instance when the
 * visitor reads it. Bounded by LAG_LIMIT_MS: a peer silent for that long fails closed on its own
 * (cacheUsable()). SQLite, or a channel that is down: nothing to wait for (in-process
 * announcements are synchronous; a deaf instance's caches are off).
 */
export async function settled(): Promise<Settled> {
  const started = performance.now();
  const c = bus().channel;
  const client = c?.client;
  if (!postgres() || !c || !client || !c.healthy) return { peers: 0, answered: 0, ms: 0 };
  const now = performance.now();
  const peers = [...c.peers].filter(([, seen]) => now - seen <= LAG_LIMIT_MS).map(([id]) => id);
  const nonce = randomUUID().slice(0, 8);
  const waiting = new Set(peers);
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    c.barriers.set(nonce, { waiting, echoed: false, done: resolve });
    timer = setTimeout(() => (c.barriers.delete(nonce), resolve()), LAG_LIMIT_MS);
    client.query("SELECT pg_notify($1, $2)", [CHANNEL, `b:${c.id}:${nonce}`]).catch(() => (c.barriers.delete(nonce), resolve()));
  });
  clearTimeout(timer);
  return { peers: peers.length, answered: peers.length - waiting.size, ms: Math.round((performance.now() - started) * 10) / 10 };
}

function markDown(c: Channel, why: string) {
  if (!c.healthy) return;
  c.healthy = false;
  console.warn(`login-lab: invalidation channel down (${why}): every request reads the store until it is back`);
  invalidate("*");
}

function markUp(c: Channel) {
  if (c.healthy) return;
  c.healthy = true;
  // What changed while the channel was deaf is unknown: start from empty caches.
  invalidate("*");
  console.log("login-lab: invalidation channel listening: caches in use");
}

/**
 * PostgreSQL: opens the listening connection and keeps it up (reconnecting with backoff). SQLite:
 * nothing to do. Idempotent; started by instrumentation.ts in every server process.
 */
export function startListening(): void {
  if (!postgres()) return;
  const b = bus();
  if (b.channel && !b.channel.stopped) return;
  const c: Channel = {
    client: undefined,
    lastBeat: 0,
    lastLag: 0,
    received: 0,
    since: 0,
    healthy: false,
    stopped: false,
    timer: undefined,
    id: randomUUID().slice(0, 8),
    peers: new Map(),
    barriers: new Map(),
  };
  b.channel = c;
  void connect(c, 0);
}

/** Closes the listening connection: from now on this process reads the store on every request. */
export async function stopListening(): Promise<void> {
  const c = bus().channel;
  if (!c) return;
  c.stopped = true;
  markDown(c, "stopped");
  clearInterval(c.timer);
  const client = c.client;
  c.client = undefined;
  await client?.end().catch(() => {});
}

async function connect(c: Channel, attempt: number): Promise<void> {
  if (c.stopped) return;
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "login-lab-invalidation" });
  let failed = false;
  const retry = (error: unknown) => {
    if (failed) return;
    failed = true;
    if (c.client === client) c.client = undefined;
    clearInterval(c.timer);
    markDown(c, error instanceof Error ? error.message : String(error));
    client.end().catch(() => {});
    if (!c.stopped) setTimeout(() => void connect(c, attempt + 1), Math.min(5_000, 100 * 2 ** attempt)).unref();
  };
  client.on("error", retry);
  client.on("end", () => retry(new Error("the connection ended")));
  client.on("notification", (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    const payload = message.payload;
    if (payload.startsWith("b:") || payload.startsWith("a:")) return onBarrier(c, client, payload);
    if (payload.startsWith("h:")) {
      const [, from, sent] = payload.split(":");
      if (from !== c.id) {
        c.peers.set(from, performance.now());
        return;
      }
      c.lastLag = performance.now() - Number(sent);
      c.lastBeat = performance.now();
      if (c.lastLag > LAG_LIMIT_MS) markDown(c, `heartbeat took ${Math.round(c.lastLag)} ms`);
      else markUp(c);
      return;
    }
    c.received += 1;
    invalidate(payload);
  });
  try {
    await client.connect();
    if (c.stopped) {
      await client.end();
      return;
    }
    await client.query(`LISTEN ${CHANNEL}`);
    c.client = client;
    c.since = performance.now();
    attempt = 0;
    const beat = () => {
      if (c.client !== client) return;
      client.query("SELECT pg_notify($1, $2)", [CHANNEL, `h:${c.id}:${performance.now()}`]).catch(retry);
    };
    beat();
    c.timer = setInterval(beat, HEARTBEAT_MS);
    c.timer.unref();
  } catch (error) {
    retry(error);
  }
}
