import crypto, { randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, base64url: a session or refresh token. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the store keeps instead of a token: a leaked table then holds nothing usable. */
export function hashToken(token: string): string {
  // crypto.hash (Node ≥ 20.12) is the one-shot form: no Hash object, about half the cost.
  return crypto.hash("sha256", token, "hex");
}
