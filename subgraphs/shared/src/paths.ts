/** Locations inside the repository, resolved from this file so services work from any working directory. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaProject } from './db/migrations.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A subgraph's Prisma schema and migrations: prisma/<name>/. */
export const prismaProject = (name: string): PrismaProject => ({
  schemaPath: path.join(repoRoot, 'prisma', name, 'schema.prisma'),
  migrationsDir: path.join(repoRoot, 'prisma', name, 'migrations'),
});

/** Default data directory of the embedded databases and keys (`npm start`). */
export const defaultDataDir = path.join(repoRoot, '.data');
