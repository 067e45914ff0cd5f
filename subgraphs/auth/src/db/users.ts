/** Reads and writes of user accounts. Uniqueness (email, username) is the database's: see db/errors.ts. */
import { isUuid } from '@bloomzy/shared/ids';
import type { AuthDb, AuthTx, Prisma, User } from './client.js';

export const findUserById = (db: AuthDb, id: string) => db.user.findUnique({ where: { id } });

export const findUserByEmail = (db: AuthDb, email: string) => db.user.findUnique({ where: { email } });

export const findUserByUsername = (db: AuthDb, username: string) => db.user.findUnique({ where: { username } });

/** The users with these ids, in no particular order; ids that are not UUIDs match no one. */
export function findUsersByIds(db: AuthDb, ids: readonly string[]): Promise<User[]> {
  // Malformed ids cannot exist; filtering them keeps Postgres from rejecting the whole batch on a bad uuid.
  return db.user.findMany({ where: { id: { in: ids.filter(isUuid) } } });
}

/** Throws a unique violation (db/errors.ts) when the email or username is taken. */
export const insertUser = (db: AuthDb | AuthTx, data: Prisma.UserCreateInput) => db.user.create({ data });

/** Throws a unique violation when a new username is taken, and record-not-found when the user does not exist. */
export const updateUser = (db: AuthDb | AuthTx, id: string, data: Prisma.UserUpdateInput) =>
  db.user.update({ where: { id }, data });
