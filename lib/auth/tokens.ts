import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, base64url: a session or refresh token. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the store keeps instead of a token: a leaked table then holds nothing usable. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
