import { db } from "../lib/db";
import { hashPassword, verifyPassword } from "../lib/auth/password";

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
