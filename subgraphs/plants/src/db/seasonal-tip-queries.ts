/** The data the seasonal-tips job reads and writes, each one statement per batch of users. */
import { Prisma, type PlantsDb, type PlantsTx } from './client.js';

/** The next page (by user id) of users with at least one active plant. */
export async function usersWithPlants(db: PlantsDb, afterUserId: string | null, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ userId: string }[]>(Prisma.sql`
    SELECT DISTINCT "userId" FROM "UserPlant"
    WHERE "archivedAt" IS NULL ${afterUserId ? Prisma.sql`AND "userId" > ${afterUserId}::uuid` : Prisma.empty}
    ORDER BY "userId"
    LIMIT ${limit}`);
  return rows.map((row) => row.userId);
}

/** The tip keys among `keys` that were already written. */
export async function sentTipKeys(db: PlantsDb, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.seasonalTip.findMany({ where: { tipKey: { in: [...keys] } }, select: { tipKey: true } });
  return new Set(rows.map((row) => row.tipKey));
}

/**
 * Records tips as sent, in the transaction that writes their events; returns the keys this call inserted, so two
 * instances racing on the same season write each tip once.
 */
export async function recordTips(
  tx: PlantsTx,
  tips: readonly { tipKey: string; userId: string; season: string }[],
): Promise<Set<string>> {
  const inserted = await tx.seasonalTip.createManyAndReturn({
    data: [...tips],
    skipDuplicates: true,
    select: { tipKey: true },
  });
  return new Set(inserted.map((row) => row.tipKey));
}
