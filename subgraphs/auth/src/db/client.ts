/** The auth database's Prisma client (generated into src/__generated__/prisma from prisma/auth/schema.prisma; only auth imports it). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../__generated__/prisma/client.js';

export type AuthDb = InstanceType<typeof PrismaClient>;
/** The client inside `db.$transaction(async (tx) => …)`: what the write helpers accept besides the client itself. */
export type AuthTx = Parameters<Parameters<AuthDb['$transaction']>[0]>[0];
export { Prisma } from '../__generated__/prisma/client.js';

export const createAuthDb = (adapter: SqlMigrationAwareDriverAdapterFactory): AuthDb => new PrismaClient({ adapter });
export type * from '../__generated__/prisma/client.js';
