/** The demo users: seeded by scripts/prepare.ts (and the unit-test setup), removed in public mode. */
import { db } from "../db";
import { hashPassword, verifyPassword } from "../auth/password";

/** The demo users (DEMO_USERS, default alice and bob): id `user_<name>`, display name capitalised. */
export function demoUsers(usernames: string[]) {
  return usernames.map((username) => ({ id: `user_${username}`, username, displayName: username[0].toUpperCase() + username.slice(1) }));
}

/**
 * Creates the demo users, or resets their password when DEMO_PASSWORD has changed.
 * Returns the usernames created or updated.
 */
export async function seedDemoUsers(password: string, usernames: string[] = ["alice", "bob"]): Promise<string[]> {
  const changed: string[] = [];
  for (const u of demoUsers(usernames)) {
    const existing = await db().user.findUnique({ where: { username: u.username } });
    if (existing && (await verifyPassword(existing.passwordHash, password))) continue;
    const passwordHash = await hashPassword(password);
    await db().user.upsert({ where: { username: u.username }, create: { ...u, passwordHash }, update: { passwordHash } });
    changed.push(u.username);
  }
  return changed;
}

/**
 * Public mode has no shared accounts: deletes the demo users named in DEMO_USERS (with their
 * sessions and refresh tokens, by cascade, and their deny-list rows), so that a deployment moved
 * from private to public mode does not keep alice with a password that was once shown to everyone.
 * Throwaway accounts are left alone. Returns the usernames removed.
 */
export async function removeDemoUsers(usernames: string[]): Promise<string[]> {
  const users = await db().user.findMany({ where: { username: { in: usernames }, expiresAt: null }, select: { id: true, username: true } });
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  await db().deniedToken.deleteMany({ where: { userId: { in: ids } } });
  await db().user.deleteMany({ where: { id: { in: ids } } });
  return users.map((u) => u.username);
}
