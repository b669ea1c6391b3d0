/**
 * Login Lab's configuration: every setting, its default and its validation, in one place.
 * Read through `env()` in lib/env.ts (server only); scripts/prepare.ts uses it to refuse to start
 * with a missing or weak secret in production.
 */
import path from "node:path";
import { z } from "zod";

/** At least 32 random bytes: 43 characters of base64url, or 64 hex digits. */
const MIN_SECRET_CHARS = 43;

const secret = (name: string) =>
  z
    .string({ error: `${name} is missing. Set it to at least 32 random bytes, e.g. \`openssl rand -base64url 32\`.` })
    .min(MIN_SECRET_CHARS, `${name} must be at least ${MIN_SECRET_CHARS} characters (32 random bytes in base64url).`)
    .refine((s) => new Set(s).size >= 16, `${name} looks weak (too few distinct characters); use random bytes.`);

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const okpPrivateJwk = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(40), d: z.string().min(40) });

const ed25519PrivateJwk = z
  .string({ error: "JWT_PRIVATE_KEY is missing. Set it to an Ed25519 private key as a JWK (JSON with kty, crv, x, d)." })
  .transform((s, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      ctx.addIssue({ code: "custom", message: "JWT_PRIVATE_KEY must be JSON (an Ed25519 private JWK)." });
      return z.NEVER;
    }
    const jwk = okpPrivateJwk.safeParse(value);
    if (!jwk.success) {
      ctx.addIssue({ code: "custom", message: "JWT_PRIVATE_KEY must be an Ed25519 private JWK: {kty:'OKP', crv:'Ed25519', x, d}." });
      return z.NEVER;
    }
    return jwk.data;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default("file:./data/login-lab.db")
      .refine((u) => u.startsWith("file:") || /^postgres(ql)?:\/\//.test(u), 'DATABASE_URL must start with "file:" or "postgresql://".'),
    SESSION_SECRET: secret("SESSION_SECRET"),
    JWT_PRIVATE_KEY: ed25519PrivateJwk,
    JWT_ISSUER: z.string().min(1).default("login-lab"),
    /**
     * The shared demo users' password. Set: alice and bob are seeded (development, CI, private
     * deployments). Unset in production: public mode — no shared accounts, each visitor creates a
     * throwaway account of their own (POST /api/demo-accounts).
     */
    DEMO_PASSWORD: z.string().min(8, "DEMO_PASSWORD must be at least 8 characters.").optional(),
    /** How long a throwaway account (POST /api/demo-accounts, either mode) and every row it owns lives. */
    DEMO_ACCOUNT_TTL_SECONDS: seconds(24 * 3600),
    /** Throwaway accounts one client address may create per hour. */
    DEMO_ACCOUNTS_PER_CLIENT_PER_HOUR: z.coerce.number().int().positive().default(5),
    /** A refresh-token family's maximum lifetime from its login; rotation never extends it. */
    REFRESH_FAMILY_MAX_SECONDS: seconds(30 * 24 * 3600),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (the default):
     * the client address is the socket's peer and X-Forwarded-For is ignored.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** How often expired rows (sessions, refresh tokens, deny-list, throwaway accounts) are swept. */
    SWEEP_INTERVAL_SECONDS: seconds(10 * 60),
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    JWT_TTL_SECONDS: seconds(15 * 60),
    HYBRID_ACCESS_TTL_SECONDS: seconds(5 * 60),
    REFRESH_TTL_SECONDS: seconds(7 * 24 * 3600),
    SESSION_IDLE_TTL_SECONDS: seconds(30 * 60),
    SESSION_ABSOLUTE_TTL_SECONDS: seconds(12 * 3600),
    SESSION_MAX_PER_USER: z.coerce.number().int().min(1).max(1000).default(20),
    SESSION_DEMO_IDLE_SECONDS: seconds(15),
    REFRESH_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(10),
    /** The deliberately vulnerable XSS lab: on in development, off in production unless "true". */
    LAB_XSS_ENABLED: z.enum(["true", "false"]).optional(),
    DEMO_USERS: z
      .string()
      .default("alice,bob")
      .transform((s) => s.split(",").map((u) => u.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/, "DEMO_USERS must be comma-separated lowercase usernames.")).min(1)),
    /**
     * Set: signing keys live in the database and rotate (next → current → previous → retired), each
     * private key encrypted at rest under a key derived from this secret. Unset: the one key in
     * JWT_PRIVATE_KEY signs everything.
     */
    KEY_ENCRYPTION_SECRET: secret("KEY_ENCRYPTION_SECRET").optional(),
    /** With KEY_ENCRYPTION_SECRET: rotate the signing key every this many days (unset: only `npm run keys:rotate`). */
    JWT_KEY_ROTATION_DAYS: z.coerce.number().positive().optional(),
    /**
     * How long a verifier may cache /.well-known/jwks.json (its Cache-Control max-age), and so the
     * least time a new key is published before anything is signed with it.
     */
    JWKS_CACHE_SECONDS: seconds(300),
    /**
     * Where session rows live: "database" (the default, shared by every instance on one store) or
     * "memory" (this process only — the scale-out lab's demonstration of claim S7).
     */
    SESSION_STORE: z.enum(["database", "memory"]).default("database"),
    /** Put before every cookie name (lib/cookie-namespace.ts): deployments on one host name do not share cookies. */
    COOKIE_NAMESPACE: z.string().regex(/^[a-z0-9]{1,16}$/, "COOKIE_NAMESPACE must be 1-16 lowercase letters or digits.").optional(),
    /** Scale-out lab (`npm run cluster`): this instance's name, e.g. "A". */
    CLUSTER_INSTANCE: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).optional(),
    /** Scale-out lab: every instance's name and address, "A=http://127.0.0.1:3001,B=http://127.0.0.1:3002". */
    CLUSTER_URLS: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s) return [];
        const entries = s.split(",").map((e) => e.trim()).filter(Boolean).map((e) => {
          const [name, url] = e.split(/=(.*)/s, 2);
          return { name: name.trim(), url: (url ?? "").trim().replace(/\/+$/, "") };
        });
        for (const e of entries) {
          if (!/^[A-Za-z0-9_-]{1,16}$/.test(e.name) || !/^https?:\/\/[^/\s]+$/.test(e.url)) {
            ctx.addIssue({ code: "custom", message: 'CLUSTER_URLS must be "A=http://host:port,B=http://host:port".' });
            return z.NEVER;
          }
        }
        return entries;
      }),
    /** Scale-out lab: the resource service's address (scripts/resource-service.mjs). */
    RESOURCE_URL: z.url({ protocol: /^https?$/ }).optional(),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    /** Password hashes (argon2) run at once in this process (lib/auth/hash-budget.ts); default: the machine's cores. */
    HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    /** Hashes that may wait for a slot; past that a login gets 503 `busy` at once. */
    HASH_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
    /** How long a hash may wait for a slot before its request gets 503 `busy`. */
    HASH_WAIT_MS: z.coerce.number().int().min(50).max(30_000).default(2_000),
    /** Password checks one client may start a minute, successful ones included (the failures have their own limit). */
    LOGIN_MAX_CHECKS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().positive().default(60),
    LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(30),
    LOGIN_FAILURE_WINDOW_SECONDS: seconds(15 * 60),
  })
  .transform((c) => ({
    ...c,
    /** null in public mode: there are no shared demo users. */
    DEMO_PASSWORD: c.DEMO_PASSWORD ?? (c.NODE_ENV === "production" ? null : DEV_DEMO_PASSWORD),
    /** Production without DEMO_PASSWORD: visitors get throwaway accounts, never shared ones. */
    publicMode: c.NODE_ENV === "production" && !c.DEMO_PASSWORD,
    /** Secure cookies by default in production; http://localhost development needs them off. */
    cookieSecure: c.COOKIE_SECURE ? c.COOKIE_SECURE === "true" : c.NODE_ENV === "production",
    labXssEnabled: c.LAB_XSS_ENABLED ? c.LAB_XSS_ENABLED === "true" : c.NODE_ENV !== "production",
  }));

/** The documented development default, shown on the login panels. Never used in production. */
const DEV_DEMO_PASSWORD = "login-lab-demo";

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Login Lab cannot start, its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates a set of environment variables; throws a ConfigError naming every problem. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = schema.safeParse(source);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => i.message));
  return result.data;
}

/** The file behind a `file:` DATABASE_URL, relative paths taken from the project folder. */
export function sqliteFilePath(databaseUrl: string): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), databaseUrl.slice("file:".length));
}
