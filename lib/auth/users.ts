import "server-only";
import { db } from "../db";

/** What every mode may show about a user: never the password hash. */
export type PublicUser = { id: string; username: string; displayName: string };

export const publicUserSelect = { id: true, username: true, displayName: true } as const;

export function findUserForLogin(username: string) {
  return db().user.findUnique({ where: { username }, select: { ...publicUserSelect, passwordHash: true } });
}
