import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import type { CookiePolicy } from "./auth/cookies";
import { env } from "./env";
import { named } from "./auth/cookies";

/**
 * Who a lab visitor is, so that the attack labs' records (the XSS lab's attacker inbox, the
 * cross-site lab's arrival log) belong to one browser only. A lab visitor is not a login: it is
 * a random id in an HttpOnly cookie that proxy.ts gives every browser opening a page under /lab/.
 * No visitor can name another's records without that other's cookie.
 */

/** 24 random bytes (192 bits), base64url: 32 characters. */
const LAB_ID = /^[A-Za-z0-9_-]{32}$/;
const LAB_ID_BYTES = 24;
const THIRTY_DAYS = 30 * 24 * 3600;

/**
 * Lax: the lab's own pages and their same-origin fetches carry it, a cross-site request does not.
 * HttpOnly: the XSS lab's injected script may use it (that is the lab) but never read it.
 */
export function labCookie(): CookiePolicy & { options: { maxAge: number } } {
  const secure = env().cookieSecure;
  return {
    name: `${secure ? "__Host-" : ""}${named("ll_lab")}`,
    options: { httpOnly: true, secure, sameSite: "lax", path: "/", maxAge: THIRTY_DAYS },
  };
}

export function newLabId(): string {
  return randomBytes(LAB_ID_BYTES).toString("base64url");
}

/** The value, if it has the shape of a lab id; anything else is treated as no id at all. */
export function validLabId(value: unknown): string | null {
  return typeof value === "string" && LAB_ID.test(value) ? value : null;
}

/** The lab id a request's own cookie carries, if any. */
export function labIdOf(req: { cookies: { get(name: string): { value: string } | undefined } }): string | null {
  return validLabId(req.cookies.get(labCookie().name)?.value);
}

/**
 * The cross-site lab's arrival log is written at the *other* host name, where this visitor's lab
 * cookie is not sent, so the attacker page must name the log in its form action. It names it by
 * this key, not by the lab id: the id also guards the inbox, and a page's markup is no place for
 * it. An HMAC under a key of the server's own (derived from SESSION_SECRET, never the secret
 * itself), so the key says nothing about the id and nobody else can compute it.
 */
const LOG_KEY = /^[A-Za-z0-9_-]{22}$/;
const logKeySecret = () => createHash("sha256").update(`login-lab lab log key\0${env().SESSION_SECRET}`).digest();

export function logKeyOf(labId: string): string {
  return createHmac("sha256", logKeySecret()).update(labId).digest("base64url").slice(0, 22);
}

export function validLogKey(value: unknown): string | null {
  return typeof value === "string" && LOG_KEY.test(value) ? value : null;
}

/**
 * A Cookie header with `name` set to `value` (any earlier pair of that name dropped): what
 * proxy.ts forwards, so that the page rendering this very request already sees a new lab cookie.
 */
export function withCookie(header: string | null, name: string, value: string): string {
  const nameOf = (pair: string) => (pair.includes("=") ? pair.slice(0, pair.indexOf("=")) : pair).trim();
  const others = (header ?? "").split(/;\s*/).filter((pair) => pair && nameOf(pair) !== name);
  return [...others, `${name}=${value}`].join("; ");
}

/**
 * A short list per visitor, newest first, in bounded memory: anyone can invent ids, so the number
 * of visitors, the entries per visitor and the characters held in all are capped. When full, the
 * visitor seen least recently is forgotten first (reading a list counts as being seen, so a lab
 * page that polls keeps its own).
 */
export class VisitorLists<T> {
  private readonly lists = new Map<string, { items: T[]; sizes: number[] }>();
  private chars = 0;

  constructor(
    private readonly limits: { visitors: number; perVisitor: number; chars: number },
    private readonly sizeOf: (item: T) => number = (item) => JSON.stringify(item).length,
  ) {}

  /** The visitor's entries, newest first (empty for an unknown visitor, who is not added). */
  list(visitor: string): readonly T[] {
    const entry = this.lists.get(visitor);
    if (!entry) return [];
    this.lists.delete(visitor);
    this.lists.set(visitor, entry);
    return [...entry.items];
  }

  add(visitor: string, item: T): void {
    const entry = this.lists.get(visitor) ?? { items: [], sizes: [] };
    this.lists.delete(visitor);
    this.lists.set(visitor, entry);
    const size = this.sizeOf(item);
    entry.items.unshift(item);
    entry.sizes.unshift(size);
    this.chars += size;
    while (entry.items.length > this.limits.perVisitor) {
      entry.items.pop();
      this.chars -= entry.sizes.pop() ?? 0;
    }
    // Least recent first (a Map iterates in insertion order); never the visitor just written.
    for (const oldest of this.lists.keys()) {
      if (this.lists.size <= this.limits.visitors && this.chars <= this.limits.chars) break;
      if (oldest === visitor) continue;
      this.clear(oldest);
    }
  }

  clear(visitor: string): void {
    const entry = this.lists.get(visitor);
    if (!entry) return;
    this.chars -= entry.sizes.reduce((a, b) => a + b, 0);
    this.lists.delete(visitor);
  }

  get visitors(): number {
    return this.lists.size;
  }

  get size(): number {
    return this.chars;
  }
}
