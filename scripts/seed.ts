import { db } from "../lib/db";
import { hashPassword, verifyPassword } from "../lib/auth/password";

export const DEMO_USERS = [
  { id: "user_alice", username: "alice", displayName: "Alice" },
  { id: "user_bob", username: "bob", displayName: "Bob" },
] as const;

/**
 * Creates the demo users, or resets their password when DEMO_PASSWORD has changed.
 * Returns the usernames created or updated.
 */
export async function seedDemoUsers(password: string): Promise<string[]> {
  const changed: string[] = [];
  for (const u of DEMO_USERS) {
    const existing = await db().user.findUnique({ where: { username: u.username } });
    if (existing && (await verifyPassword(existing.passwordHash, password))) continue;
    const passwordHash = await hashPassword(password);
    await db().user.upsert({ where: { username: u.username }, create: { ...u, passwordHash }, update: { passwordHash } });
    changed.push(u.username);
  }
  return changed;
}
