import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { hashBudget } from "./hash-budget";

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const PARAMS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Within the process's hash budget (lib/auth/hash-budget.ts): throws BusyError when it has no slot in time. */
export function hashPassword(password: string): Promise<string> {
  return hashBudget().run(() => hash(password, PARAMS));
}

/** Within the hash budget (BusyError when it has no slot); otherwise never throws: a malformed stored hash is just a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return hashBudget().run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check for an account that does not exist, so that response
 * time does not reveal which usernames are registered.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword("login-lab:no-such-user").catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  await verifyPassword(await dummyHash, password);
  return false;
}
