import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Signing keys' private halves at rest: AES-256-GCM under a key derived from
 * KEY_ENCRYPTION_SECRET (HKDF-SHA256), with the key's `kid` as associated data, so a ciphertext
 * copied onto another row does not open. A database dump alone signs nothing.
 *
 * Stored as `v1.` + base64url(iv ‖ ciphertext ‖ tag). The version names the scheme, so a later
 * one can be told apart from this one.
 */

export type PrivateJwk = { kty: "OKP"; crv: "Ed25519"; x: string; d: string };

const VERSION = "v1";
const INFO = "login-lab signing keys";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored private key that does not open: the wrong secret, or a row that was tampered with. */
export class KeyDecryptionError extends Error {
  constructor(
    readonly kid: string,
    readonly reason: string,
  ) {
    super(
      `Cannot decrypt the private part of signing key ${kid.slice(0, 8)}…: ${reason}. ` +
        "KEY_ENCRYPTION_SECRET must be the secret the keys were stored with (every instance needs the same one).",
    );
    this.name = "KeyDecryptionError";
  }
}

function encryptionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32));
}

export function encryptPrivateJwk(jwk: PrivateJwk, kid: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(secret), iv);
  cipher.setAAD(Buffer.from(kid));
  const { kty, crv, x, d } = jwk;
  const body = Buffer.concat([cipher.update(JSON.stringify({ kty, crv, x, d })), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

export function decryptPrivateJwk(stored: string, kid: string, secret: string): PrivateJwk {
  const [version, payload, ...rest] = stored.split(".");
  if (version !== VERSION || payload === undefined || rest.length > 0) {
    throw new KeyDecryptionError(kid, stored === "" ? "it was erased when the key retired" : `unknown storage format "${version}"`);
  }
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES + 1) throw new KeyDecryptionError(kid, "the stored value is truncated");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(secret), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(kid));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new KeyDecryptionError(kid, "authentication failed (wrong KEY_ENCRYPTION_SECRET, or the row was altered)");
  }
  const jwk = JSON.parse(plain.toString("utf8")) as PrivateJwk;
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string" || typeof jwk.d !== "string") {
    throw new KeyDecryptionError(kid, "the decrypted value is not an Ed25519 private JWK");
  }
  return jwk;
}
