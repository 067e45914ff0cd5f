/**
 * The care log and care settings of many plants, each in ONE statement (like page-queries.ts): the care log is the
 * union of the CareLog table and the watering log (task WATER), so waterings keep their own table, API and events and
 * still show up in the same log.
 */
import type { CareTask } from '../__generated__/resolvers-types.js';
import { Prisma, type CareOverride, type PlantsDb } from './client.js';

/** A care log entry as the API shows it: a CareLog row, or a watering read as task WATER. */
export interface CareLogRow {
  id: string;
  userPlantId: string;
  task: CareTask;
  doneAt: Date;
  notes: string | null;
  createdAt: Date;
}

export interface CareLogPageKey {
  userPlantId: string;
  limit: number;
  after?: { at: Date; id: string } | null;
  task?: CareTask | null;
}

export interface CareLogCountKey {
  userPlantId: string;
  task?: CareTask | null;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Both logs as one relation with the CareLog columns (waterings as WATER). */
const UNIFIED_LOG = Prisma.sql`(
  SELECT c.id, c."userPlantId", c.task::text AS task, c."doneAt", c.notes, c."createdAt" FROM "CareLog" c
  UNION ALL
  SELECT w.id, w."userPlantId", 'WATER' AS task, w."wateredAt" AS "doneAt", w.notes, w."createdAt" FROM "Watering" w
)`;

/** Pages of many plants' care logs, newest first, in key order. */
export async function careLogPages(db: PlantsDb, keys: readonly CareLogPageKey[]): Promise<CareLogRow[][]> {
  const recordset = JSON.stringify(
    keys.map((k, idx) => ({
      idx,
      plant: k.userPlantId,
      lim: k.limit,
      after_at: iso(k.after?.at),
      after_id: k.after?.id ?? null,
      task: k.task ?? null,
    })),
  );
  const rows = await db.$queryRaw<(CareLogRow & { idx: number })[]>(Prisma.sql`
    SELECT k.idx, l.*
    FROM jsonb_to_recordset(${recordset}::jsonb)
      AS k(idx int, plant uuid, lim int, after_at timestamp(3), after_id uuid, task text)
    CROSS JOIN LATERAL (
      SELECT * FROM ${UNIFIED_LOG} l
      WHERE l."userPlantId" = k.plant
        AND (k.task IS NULL OR l.task = k.task)
        AND (k.after_at IS NULL OR (l."doneAt", l.id) < (k.after_at, k.after_id))
      ORDER BY l."doneAt" DESC, l.id DESC
      LIMIT k.lim
    ) l
    ORDER BY k.idx, l."doneAt" DESC, l.id DESC`);
  const groups: CareLogRow[][] = keys.map(() => []);
  for (const { idx, ...row } of rows) groups[idx]?.push(row);
  return groups;
}

/** How many entries each key's log holds, in key order. */
export async function careLogCounts(db: PlantsDb, keys: readonly CareLogCountKey[]): Promise<number[]> {
  const recordset = JSON.stringify(keys.map((k, idx) => ({ idx, plant: k.userPlantId, task: k.task ?? null })));
  const rows = await db.$queryRaw<{ idx: number; total: number }[]>(Prisma.sql`
    SELECT k.idx, (
      SELECT count(*)::int FROM ${UNIFIED_LOG} l
      WHERE l."userPlantId" = k.plant AND (k.task IS NULL OR l.task = k.task)
    ) AS total
    FROM jsonb_to_recordset(${recordset}::jsonb) AS k(idx int, plant uuid, task text)`);
  const totals = new Map(rows.map((r) => [r.idx, Number(r.total)]));
  return keys.map((_, idx) => totals.get(idx) ?? 0);
}

/** The latest time each task other than watering was done, per plant, in key order. */
export async function latestCare(db: PlantsDb, userPlantIds: readonly string[]): Promise<Map<CareTask, Date>[]> {
  const rows = userPlantIds.length
    ? await db.$queryRaw<{ userPlantId: string; task: CareTask; doneAt: Date }[]>(Prisma.sql`
        SELECT DISTINCT ON ("userPlantId", task) "userPlantId", task::text AS task, "doneAt"
        FROM "CareLog" WHERE "userPlantId" = ANY(${[...userPlantIds]}::uuid[])
        ORDER BY "userPlantId", task, "doneAt" DESC`)
    : [];
  const byPlant = new Map<string, Map<CareTask, Date>>();
  for (const row of rows) {
    const tasks = byPlant.get(row.userPlantId) ?? new Map<CareTask, Date>();
    tasks.set(row.task, row.doneAt);
    byPlant.set(row.userPlantId, tasks);
  }
  return userPlantIds.map((id) => byPlant.get(id) ?? new Map());
}

/** Each plant's care settings, in key order. */
export async function careOverrides(db: PlantsDb, userPlantIds: readonly string[]): Promise<CareOverride[][]> {
  const rows = userPlantIds.length
    ? await db.careOverride.findMany({ where: { userPlantId: { in: [...userPlantIds] } }, orderBy: { task: 'asc' } })
    : [];
  return userPlantIds.map((id) => rows.filter((row) => row.userPlantId === id));
}
