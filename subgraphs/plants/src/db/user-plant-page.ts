/**
 * A page of one user's collection, newest first, as plain SQL: the dashboard reads one on every request, and Prisma's
 * findMany spent about as much CPU again as the database driver on the same 51 rows (see rows-by-id.ts); read through
 * the row reader (shared/db/sql-reader.ts), past Prisma's client altogether. The rows are what findMany returns; the
 * filters are the ones its `where` had (an ILIKE room match, escaped as escape-like.ts says).
 */
import { readRows } from '@bloomzy/shared/db/sql-reader';
import { Prisma, type PlantsDb, type UserPlant } from './client.js';
import { escapeLike } from './escape-like.js';

export interface UserPlantPageQuery {
  userId: string;
  includeArchived: boolean;
  /** A room, matched case-insensitively and exactly. */
  location?: string | undefined;
  /** Rows strictly after this (createdAt, id) in (createdAt desc, id desc) order. */
  after?: { at: Date; id: string } | undefined;
  take: number;
}

export type UserPlantFilter = Pick<UserPlantPageQuery, 'userId' | 'includeArchived' | 'location'>;

/** The WHERE clause of a filter: the page and its total must always agree on which plants match. */
const whereOf = ({ userId, includeArchived, location }: UserPlantFilter) => Prisma.sql`
    WHERE "userId" = ${userId}::uuid
      ${includeArchived ? Prisma.empty : Prisma.sql`AND "archivedAt" IS NULL`}
      ${location ? Prisma.sql`AND "location" ILIKE ${escapeLike(location)}` : Prisma.empty}`;

export function userPlantPage(db: PlantsDb, query: UserPlantPageQuery): Promise<UserPlant[]> {
  const { after, take } = query;
  return readRows<UserPlant>(
    db,
    Prisma.sql`
    SELECT * FROM "UserPlant"
    ${whereOf(query)}
      ${after ? Prisma.sql`AND ("createdAt", id) < (${after.at.toISOString()}::timestamp(3), ${after.id}::uuid)` : Prisma.empty}
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${take}`,
  );
}

/** How many plants match the filter (a listing's totalCount). */
export async function userPlantCount(db: PlantsDb, filter: UserPlantFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>(
    Prisma.sql`SELECT count(*) FROM "UserPlant" ${whereOf(filter)}`,
  );
  return Number(row?.count ?? 0);
}
