import "server-only";
import { calculateJwkThumbprint, type CryptoKey, importJWK, type JWK } from "jose";
import { env } from "../env";

/**
 * The signing keys, as this process knows them. Every key's `kid` is the RFC 7638 thumbprint of
 * its public part: stable, and it changes by itself when the key does.
 *
 * Two sources:
 * - without KEY_ENCRYPTION_SECRET, the one Ed25519 key in JWT_PRIVATE_KEY signs and verifies
 *   everything, as long as the configuration says so;
 * - with it, the keys live in the database and rotate, next → current → previous → retired
 *   (lib/auth/key-rotation.ts). The current key signs; next, current and previous verify and are
 *   published in the JWKS; a retired key verifies nothing.
 *
 * No database client here: proxy.ts verifies tokens through this module, and its import graph
 * holds none. The database source is registered by lib/auth/key-rotation.ts (`useKeyStore`),
 * which instrumentation.ts loads when the server starts. The loaded set is kept on globalThis, like
 * the caches of lib/auth/remembered.ts: proxy.ts and the route handlers are separate bundles of one
 * process, and `forgetKeys()` from any of them must reach all.
 */
export type SigningKey = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK };

export type KeyState = "next" | "current" | "previous" | "retired";

/** A key's place in the rotation and its dates (database source only). */
export type KeyInfo = {
  kid: string;
  state: KeyState;
  createdAt: Date;
  activatedAt: Date | null;
  deactivatedAt: Date | null;
  retiredAt: Date | null;
};

export type KeySet = {
  source: "config" | "database";
  /** The key that signs. */
  current: SigningKey;
  /** Public keys a token may be verified with, by kid: next, current and previous. */
  verifiers: ReadonlyMap<string, CryptoKey>;
  /** Their public JWKs, current first: the JWKS. */
  jwks: JWK[];
  /** The next, current and previous keys with their dates (empty for the config source). */
  keys: KeyInfo[];
  /** Rows of the store that failed their checks on load, ignored (database source only; /api/health lists them). */
  refused?: RefusedKey[];
};

/** A stored key that is not trusted, and why. */
export type RefusedKey = { kid: string; state: string; reason: string };

/**
 * A key set read from the database is used for at most this long before it is read again, so a
 * change made elsewhere (`npm run keys:rotate`, another instance) reaches this process within it
 * even when no notification does. key-rotation.ts counts it in its waiting times.
 */
export const KEY_SET_MAX_AGE_SECONDS = 30;

type Loader = () => Promise<KeySet>;
type State = { set?: KeySet; loadedAt: number; loading?: Promise<KeySet>; loader?: Loader };

const state = ((globalThis as unknown as Record<symbol, State | undefined>)[Symbol.for("login-lab.keys")] ??= { loadedAt: 0 });

/** Registers where database keys come from (lib/auth/key-rotation.ts). */
export function useKeyStore(loader: Loader): void {
  state.loader = loader;
}

/**
 * Drops the loaded key set: the next use reads it again, and until then no remembered token is
 * taken on trust (access-token.ts verifies it in full). Called when the keys change — by a
 * rotation in this process, and on the store's "k" notification.
 */
export function forgetKeys(): void {
  state.set = undefined;
  state.loading = undefined;
}

/** The loaded key set if it is recent enough to trust, without waiting: the hot path's view. */
export function loadedKeySet(): KeySet | undefined {
  const { set } = state;
  if (!set) return undefined;
  return set.source === "config" || Date.now() - state.loadedAt < KEY_SET_MAX_AGE_SECONDS * 1000 ? set : undefined;
}

/** The key set, loaded (or read again) if need be. */
export function keySet(): Promise<KeySet> {
  const fresh = loadedKeySet();
  return fresh ? Promise.resolve(fresh) : reloadKeys();
}

/**
 * Reads the key set now, whatever its age (one read at a time), and keeps it — unless
 * `forgetKeys()` was called meanwhile: the result may predate the change.
 */
export function reloadKeys(): Promise<KeySet> {
  if (state.loading) return state.loading;
  const loading: Promise<KeySet> = load().then(
    (set) => {
      if (state.loading === loading) Object.assign(state, { set, loadedAt: Date.now(), loading: undefined });
      return set;
    },
    (error: unknown) => {
      if (state.loading === loading) state.loading = undefined;
      throw error;
    },
  );
  state.loading = loading;
  return loading;
}

function load(): Promise<KeySet> {
  if (!env().KEY_ENCRYPTION_SECRET) return configKeySet();
  if (!state.loader) {
    return Promise.reject(new Error("KEY_ENCRYPTION_SECRET is set, but the database key store is not loaded (lib/auth/key-rotation.ts; instrumentation.ts loads it at start)."));
  }
  return state.loader();
}

/** The key that signs now. */
export async function signingKey(): Promise<SigningKey> {
  return (await keySet()).current;
}

/** The public key for a token's `kid`: next, current or previous; undefined for a retired or unknown kid. */
export async function verificationKey(kid: string): Promise<CryptoKey | undefined> {
  return (await keySet()).verifiers.get(kid);
}

/**
 * Whether a token signed by `kid` may still be accepted, answered synchronously from the loaded
 * set: false when no recent set is loaded (the caller then verifies in full, which loads it).
 */
export function verifiableNow(kid: string): boolean {
  return loadedKeySet()?.verifiers.has(kid) ?? false;
}

/** The public JWK Set served at /.well-known/jwks.json: next, current and previous. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return { keys: (await keySet()).jwks };
}

type OkpJwk = { kty: string; crv: string; x: string; d?: string };

/** An Ed25519 key pair from its JWK, with its kid and published JWK. */
export async function keyFromJwk({ kty, crv, x, d }: OkpJwk & { d: string }): Promise<SigningKey> {
  const publicJwk = { kty, crv, x };
  const [kid, privateKey, publicKey] = await Promise.all([
    calculateJwkThumbprint(publicJwk),
    importJWK({ kty, crv, x, d }, "EdDSA") as Promise<CryptoKey>,
    publicKeyFromJwk(publicJwk),
  ]);
  return { kid, privateKey, publicKey, publicJwk: published(publicJwk, kid) };
}

export function publicKeyFromJwk({ kty, crv, x }: OkpJwk): Promise<CryptoKey> {
  return importJWK({ kty, crv, x }, "EdDSA") as Promise<CryptoKey>;
}

/** The JWKS entry of a public key: the public part only, with what a verifier needs to pick it. */
export function published({ kty, crv, x }: OkpJwk, kid: string): JWK {
  return { kty, crv, x, kid, alg: "EdDSA", use: "sig" };
}

/** The key set of a simple setup: JWT_PRIVATE_KEY alone, for as long as the configuration names it. */
async function configKeySet(): Promise<KeySet> {
  const current = await keyFromJwk(env().JWT_PRIVATE_KEY);
  return { source: "config", current, verifiers: new Map([[current.kid, current.publicKey]]), jwks: [current.publicJwk], keys: [] };
}
