/**
 * Totals of many plants' waterings or growth entries in ONE statement, for the connections' `totalCount`: the keys
 * travel as a JSON recordset and a LATERAL count(*) reads each plant's rows through the (userPlantId, time, id) index.
 * `waterings { totalCount }` on 50 plants is one query, not 50.
 */
import { Prisma, type PlantsDb } from './client.js';

/** Which of one plant's growth entries to count: the growth list's filters. */
export interface GrowthCountKey {
  userPlantId: string;
  type?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Counts in key order (a key with no rows counts 0). */
function inKeyOrder(count: number, rows: { idx: number; n: number | bigint }[]): number[] {
  const counts = Array.from({ length: count }, () => 0);
  for (const row of rows) counts[row.idx] = Number(row.n);
  return counts;
}

export async function wateringCounts(db: PlantsDb, userPlantIds: readonly string[]): Promise<number[]> {
  const recordset = JSON.stringify(userPlantIds.map((plant, idx) => ({ idx, plant })));
  const rows = await db.$queryRaw<{ idx: number; n: bigint }[]>(Prisma.sql`
    SELECT k.idx, c.n
    FROM jsonb_to_recordset(${recordset}::jsonb) AS k(idx int, plant uuid)
    CROSS JOIN LATERAL (SELECT count(*) AS n FROM "Watering" w WHERE w."userPlantId" = k.plant) c`);
  return inKeyOrder(userPlantIds.length, rows);
}

export async function growthEntryCounts(db: PlantsDb, keys: readonly GrowthCountKey[]): Promise<number[]> {
  const recordset = JSON.stringify(
    keys.map((k, idx) => ({
      idx,
      plant: k.userPlantId,
      entry_type: k.type ?? null,
      from_at: iso(k.from),
      to_at: iso(k.to),
    })),
  );
  const rows = await db.$queryRaw<{ idx: number; n: bigint }[]>(Prisma.sql`
    SELECT k.idx, c.n
    FROM jsonb_to_recordset(${recordset}::jsonb)
      AS k(idx int, plant uuid, entry_type text, from_at timestamp(3), to_at timestamp(3))
    CROSS JOIN LATERAL (
      SELECT count(*) AS n FROM "GrowthEntry" g
      WHERE g."userPlantId" = k.plant
        AND (k.entry_type IS NULL OR g."type"::text = k.entry_type)
        AND (k.from_at IS NULL OR g."recordedAt" >= k.from_at)
        AND (k.to_at IS NULL OR g."recordedAt" <= k.to_at)
    ) c`);
  return inKeyOrder(keys.length, rows);
}
