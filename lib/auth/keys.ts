import "server-only";
import { calculateJwkThumbprint, type CryptoKey, importJWK, type JWK } from "jose";
import { env } from "../env";

/**
 * The Ed25519 signing key comes from JWT_PRIVATE_KEY, so every instance with the same
 * configuration signs and verifies with the same key. Its `kid` is the RFC 7638 thumbprint of the
 * public part: stable, and it changes by itself when the key is rotated.
 */
export type SigningKey = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK };

let loading: Promise<SigningKey> | undefined;

export function signingKey(): Promise<SigningKey> {
  loading ??= (async () => {
    const { kty, crv, x, d } = env().JWT_PRIVATE_KEY;
    const publicJwk: JWK = { kty, crv, x };
    const kid = await calculateJwkThumbprint(publicJwk);
    const [privateKey, publicKey] = await Promise.all([
      importJWK({ kty, crv, x, d }, "EdDSA") as Promise<CryptoKey>,
      importJWK(publicJwk, "EdDSA") as Promise<CryptoKey>,
    ]);
    return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, alg: "EdDSA", use: "sig" } };
  })();
  return loading;
}

/** The public JWK Set served at /.well-known/jwks.json. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKey()).publicJwk] };
}
