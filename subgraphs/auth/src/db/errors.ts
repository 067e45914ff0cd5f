/** Which database errors the domain turns into its own (CONFLICT, NOT_FOUND); every other error propagates. */
import { Prisma } from './client.js';

/** A write broke the unique constraint on `field` (e.g. an email that already has an account). */
export const isUniqueViolation = (error: unknown, field: string) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  error.code === 'P2002' &&
  JSON.stringify(error.meta ?? {}).includes(field);

/** An update or delete found no row to change. */
export const isRecordNotFound = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
