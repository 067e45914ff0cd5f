/**
 * Whole rows by id for the request loaders, as plain SQL. Every dashboard request reads its species and plants this
 * way, and Prisma's findMany spent about as much CPU again as the database driver itself on the same rows (on 51
 * plants: 1.9–2.2 ms against 1.1–1.3 ms through $queryRaw, less again through the row reader: shared/db/sql-reader.ts).
 * Rows come back as findMany gives them: the same columns, Dates for timestamps, enums as their names, arrays as arrays.
 */
import { readRows } from '@bloomzy/shared/db/sql-reader';
import { Prisma, type IndoorPlant, type PlantsDb, type UserPlant } from './client.js';

/** Species rows of `ids` (well-formed uuids), in no particular order. */
export const indoorPlantsByIds = (db: PlantsDb, ids: readonly string[]): Promise<IndoorPlant[]> =>
  readRows<IndoorPlant>(db, Prisma.sql`SELECT * FROM "IndoorPlant" WHERE id = ANY(${[...ids]}::uuid[])`);

/** Plant rows of `ids` (well-formed uuids), in no particular order. */
export const userPlantsByIds = (db: PlantsDb, ids: readonly string[]): Promise<UserPlant[]> =>
  readRows<UserPlant>(db, Prisma.sql`SELECT * FROM "UserPlant" WHERE id = ANY(${[...ids]}::uuid[])`);
