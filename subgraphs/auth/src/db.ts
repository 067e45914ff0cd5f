/** The auth database's Prisma client (generated into prisma/auth/generated; only auth imports it). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../../prisma/auth/generated/client.js';

export type AuthDb = InstanceType<typeof PrismaClient>;
export { Prisma } from '../../../prisma/auth/generated/client.js';

export const createAuthDb = (adapter: SqlMigrationAwareDriverAdapterFactory): AuthDb => new PrismaClient({ adapter });
