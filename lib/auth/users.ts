import "server-only";
import { db } from "../db";

/** What every mode may show about a user: never the password hash. */
export type PublicUser = { id: string; username: string; displayName: string };

export const publicUserSelect = { id: true, username: true, displayName: true } as const;

/** The user who may log in with this name: not a throwaway account past its expiry, awaiting the sweep. */
export function findUserForLogin(username: string, now = new Date()) {
  return db().user.findFirst({
    where: { username, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { ...publicUserSelect, passwordHash: true },
  });
}
