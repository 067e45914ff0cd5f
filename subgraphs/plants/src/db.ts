/** The plants database's Prisma client (generated into prisma/plants/generated; only plants imports it). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../../prisma/plants/generated/client.js';
import { countStatements } from './db/statement-counter.js';

export type PlantsDb = InstanceType<typeof PrismaClient>;
export { Prisma } from '../../../prisma/plants/generated/client.js';

export interface PlantsDbOptions {
  /** Called with every SQL statement sent to the database (tests count them to catch N+1 queries). */
  onStatement?: (sql: string) => void;
}

export const createPlantsDb = (
  adapter: SqlMigrationAwareDriverAdapterFactory,
  options: PlantsDbOptions = {},
): PlantsDb =>
  new PrismaClient({ adapter: options.onStatement ? countStatements(adapter, options.onStatement) : adapter });
