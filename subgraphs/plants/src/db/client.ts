/** The plants database's Prisma client (generated into src/__generated__/prisma from prisma/plants/schema.prisma; only plants imports it). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { attachReader, createSqlReader } from '@bloomzy/shared/db/sql-reader';
import { countStatements } from '@bloomzy/shared/db/statement-counter';
import { PrismaClient } from '../__generated__/prisma/client.js';

export type PlantsDb = InstanceType<typeof PrismaClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type PlantsTx = Parameters<Parameters<PlantsDb['$transaction']>[0]>[0];
/** `Prisma` (query helpers, error classes) and `$Enums`: the schema's enums as values, e.g. `$Enums.PotSize.SMALL`. */
export { $Enums, Prisma } from '../__generated__/prisma/client.js';

export interface PlantsDbOptions {
  /** Called with every SQL statement sent to the database (tests count them to catch N+1 queries). */
  onStatement?: (sql: string) => void;
}

/** The client, with a row reader on the same adapter for the plain SQL every request reads (sql-reader.ts). */
export function createPlantsDb(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  options: PlantsDbOptions = {},
): PlantsDb {
  const observed = options.onStatement ? countStatements(adapter, options.onStatement) : adapter;
  return attachReader(new PrismaClient({ adapter: observed }), createSqlReader(observed));
}
export type * from '../__generated__/prisma/client.js';
