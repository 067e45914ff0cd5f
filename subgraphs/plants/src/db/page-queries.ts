/**
 * Pages of many plants' waterings or growth entries in ONE statement: the keys (plant, page size, cursor, filters)
 * travel as a JSON recordset and a LATERAL subquery takes each plant's newest rows through the
 * (userPlantId, time desc, id desc) index. `waterings(first: 3)` on 50 plants is one query, not 50, and unlike a
 * ROW_NUMBER() window it never reads more rows per plant than the page needs.
 */
import { readRows } from '@bloomzy/shared/db/sql-reader';
import { Prisma, type GrowthEntry, type PlantsDb, type Watering } from './client.js';

/** One plant's page request: rows strictly after the (time, id) cursor, newest first, at most `limit`. */
export interface PageKey {
  userPlantId: string;
  limit: number;
  after?: { at: Date; id: string } | null;
}

export interface GrowthPageKey extends PageKey {
  type?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Rows per key, in key order; keys may repeat a plant with different pages. */
function groupByKey<T>(count: number, rows: (T & { idx: number })[]): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => []);
  for (const { idx, ...row } of rows) groups[idx]?.push(row as unknown as T);
  return groups;
}

/**
 * The page keys as one JSON recordset for jsonb_to_recordset: a row per key with its index (to group the rows back),
 * plant, limit and keyset cursor, plus the filters of the list at hand.
 */
function pageRecordset<K extends PageKey>(
  keys: readonly K[],
  filters: (key: K) => Record<string, unknown> = () => ({}),
): string {
  return JSON.stringify(
    keys.map((k, idx) => ({
      idx,
      plant: k.userPlantId,
      lim: k.limit,
      after_at: iso(k.after?.at),
      after_id: k.after?.id ?? null,
      ...filters(k),
    })),
  );
}

export async function wateringPages(db: PlantsDb, keys: readonly PageKey[]): Promise<Watering[][]> {
  const recordset = pageRecordset(keys);
  const rows = await readRows<Watering & { idx: number }>(
    db,
    Prisma.sql`
    SELECT k.idx, w.*
    FROM jsonb_to_recordset(${recordset}::jsonb) AS k(idx int, plant uuid, lim int, after_at timestamp(3), after_id uuid)
    CROSS JOIN LATERAL (
      SELECT * FROM "Watering" w
      WHERE w."userPlantId" = k.plant
        AND (k.after_at IS NULL OR (w."wateredAt", w.id) < (k.after_at, k.after_id))
      ORDER BY w."wateredAt" DESC, w.id DESC
      LIMIT k.lim
    ) w
    ORDER BY k.idx, w."wateredAt" DESC, w.id DESC`,
  );
  return groupByKey(keys.length, rows);
}

export async function growthPages(db: PlantsDb, keys: readonly GrowthPageKey[]): Promise<GrowthEntry[][]> {
  const recordset = pageRecordset(keys, (k) => ({
    entry_type: k.type ?? null,
    from_at: iso(k.from),
    to_at: iso(k.to),
  }));
  const rows = await readRows<GrowthEntry & { idx: number }>(
    db,
    Prisma.sql`
    SELECT k.idx, g.*
    FROM jsonb_to_recordset(${recordset}::jsonb)
      AS k(idx int, plant uuid, lim int, after_at timestamp(3), after_id uuid, entry_type text, from_at timestamp(3), to_at timestamp(3))
    CROSS JOIN LATERAL (
      SELECT * FROM "GrowthEntry" g
      WHERE g."userPlantId" = k.plant
        AND (k.after_at IS NULL OR (g."recordedAt", g.id) < (k.after_at, k.after_id))
        AND (k.entry_type IS NULL OR g."type"::text = k.entry_type)
        AND (k.from_at IS NULL OR g."recordedAt" >= k.from_at)
        AND (k.to_at IS NULL OR g."recordedAt" <= k.to_at)
      ORDER BY g."recordedAt" DESC, g.id DESC
      LIMIT k.lim
    ) g
    ORDER BY k.idx, g."recordedAt" DESC, g.id DESC`,
  );
  return groupByKey(keys.length, rows);
}
