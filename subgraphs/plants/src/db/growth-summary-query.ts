/**
 * First and latest value of each measurement for many plants in one aggregate statement (array_agg ordered by time,
 * filtered to the rows that carry the measurement), so `growthSummary` on a list costs one query however long the
 * journals are.
 */
import { Prisma, type PlantsDb } from './client.js';

const MEASUREMENTS = ['heightCm', 'widthCm', 'leafCount'] as const;
type Measurement = (typeof MEASUREMENTS)[number];

export interface MeasurementAggregate {
  count: number;
  first: number | null;
  firstAt: Date | null;
  last: number | null;
  lastAt: Date | null;
}

export interface GrowthAggregate {
  userPlantId: string;
  entryCount: number;
  firstRecordedAt: Date | null;
  lastRecordedAt: Date | null;
  measurements: Record<Measurement, MeasurementAggregate>;
}

type Row = { userPlantId: string; entryCount: number; firstRecordedAt: Date; lastRecordedAt: Date } & Record<
  string,
  unknown
>;

// Column names come from the constant list above, never from input, so Prisma.raw is safe here.
const columns = MEASUREMENTS.map((m) => {
  const has = `FILTER (WHERE "${m}" IS NOT NULL)`;
  return Prisma.raw(`
    count("${m}")::int AS "${m}_count",
    ((array_agg("${m}"::float8 ORDER BY "recordedAt", id) ${has})[1]) AS "${m}_first",
    ((array_agg("recordedAt" ORDER BY "recordedAt", id) ${has})[1]) AS "${m}_firstAt",
    ((array_agg("${m}"::float8 ORDER BY "recordedAt" DESC, id DESC) ${has})[1]) AS "${m}_last",
    ((array_agg("recordedAt" ORDER BY "recordedAt" DESC, id DESC) ${has})[1]) AS "${m}_lastAt"`);
});

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const date = (v: unknown) => (v instanceof Date ? v : null);

export async function growthAggregates(
  db: PlantsDb,
  userPlantIds: readonly string[],
): Promise<Map<string, GrowthAggregate>> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT "userPlantId", count(*)::int AS "entryCount",
      min("recordedAt") AS "firstRecordedAt", max("recordedAt") AS "lastRecordedAt",
      ${Prisma.join(columns, ',')}
    FROM "GrowthEntry"
    WHERE "userPlantId" = ANY(${[...userPlantIds]}::uuid[])
    GROUP BY "userPlantId"`);
  const result = new Map<string, GrowthAggregate>();
  for (const row of rows) {
    const measurements = Object.fromEntries(
      MEASUREMENTS.map((m) => [
        m,
        {
          count: num(row[`${m}_count`]) ?? 0,
          first: num(row[`${m}_first`]),
          firstAt: date(row[`${m}_firstAt`]),
          last: num(row[`${m}_last`]),
          lastAt: date(row[`${m}_lastAt`]),
        },
      ]),
    ) as Record<Measurement, MeasurementAggregate>;
    result.set(row.userPlantId, {
      userPlantId: row.userPlantId,
      entryCount: row.entryCount,
      firstRecordedAt: row.firstRecordedAt,
      lastRecordedAt: row.lastRecordedAt,
      measurements,
    });
  }
  return result;
}
