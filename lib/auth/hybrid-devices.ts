import "server-only";
import { db } from "../db";
import { revokeFamily } from "./hybrid";
import { type DeviceLabel, deviceLabel, deviceName } from "./session-devices";
import { hashToken } from "./tokens";

/**
 * Hybrid mode's view of its state: the chain of refresh tokens in one family (each rotation a
 * child of the last) and the user's families as devices, each revocable.
 */

const short = (hash: string | null) => (hash ? `${hash.slice(0, 10)}…` : null);

export type ChainLink = {
  id: string;
  parent: string | null;
  createdAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  current: boolean;
};

/** The family of the presented refresh token, oldest first; null when the token is unknown. */
export async function familyChain(refreshToken: string | undefined): Promise<{ familyId: string; links: ChainLink[] } | null> {
  if (!refreshToken || refreshToken.length > 128) return null;
  const id = hashToken(refreshToken);
  const row = await db().refreshToken.findUnique({ where: { id }, select: { familyId: true } });
  if (!row) return null;
  const rows = await db().refreshToken.findMany({ where: { familyId: row.familyId }, orderBy: { createdAt: "asc" }, take: 200 });
  return {
    familyId: row.familyId,
    links: rows.map((r) => ({
      id: short(r.id) as string,
      parent: short(r.parentId),
      createdAt: r.createdAt,
      usedAt: r.usedAt,
      revokedAt: r.revokedAt,
      revokedReason: r.revokedReason,
      current: r.id === id,
    })),
  };
}

export type FamilyDevice = { familyId: string; device: string; label: DeviceLabel; ip: string | null; createdAt: Date; lastRefreshAt: Date; rotations: number; current: boolean };

/**
 * The user's live refresh-token families, one per logged-in device, newest first. One pass over
 * the rows (a family keeps at most KEEP_USED + 1 of them): the family is live while it has an
 * unused token; its rotations are that token's generation.
 */
export async function listFamilies(userId: string, currentFamilyId: string | undefined, now = new Date()): Promise<FamilyDevice[]> {
  const rows = await db().refreshToken.findMany({
    where: { userId, revokedAt: null, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { familyId: true, familyCreatedAt: true, createdAt: true, generation: true, userAgent: true, ip: true },
  });
  const seen = new Set<string>();
  const devices: FamilyDevice[] = [];
  for (const r of rows) {
    if (seen.has(r.familyId)) continue;
    seen.add(r.familyId);
    devices.push({
      familyId: r.familyId,
      device: deviceName(r.userAgent),
      label: deviceLabel(r.userAgent),
      ip: r.ip,
      createdAt: r.familyCreatedAt,
      lastRefreshAt: r.createdAt,
      rotations: r.generation,
      current: r.familyId === currentFamilyId,
    });
  }
  return devices;
}

/** Revokes one of the user's families: that device's next refresh is refused. */
export async function revokeUserFamily(userId: string, familyId: string, now = new Date()): Promise<boolean> {
  const owned = await db().refreshToken.count({ where: { userId, familyId } });
  if (owned === 0) return false;
  await revokeFamily(familyId, "revoked_from_another_device", now);
  return true;
}
