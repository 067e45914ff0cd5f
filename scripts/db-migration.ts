/**
 * Writes a new migration for each database whose schema.prisma changed: `npm run db:migration -- <name> [subgraph...]`.
 * Uses Prisma's WASM schema engine against a throw-away in-memory database (no server, no network), producing the
 * same SQL and folder layout as `prisma migrate dev`.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { createMigration } from '@bloomzy/shared/db/migrations';
import { subgraph, subgraphs } from '@bloomzy/shared/manifest';
import { prismaProject } from '@bloomzy/shared/paths';

const [name = 'migration', ...only] = process.argv.slice(2);
const databases = only.length ? only.map((db) => subgraph(db).name) : subgraphs().map((s) => s.name);
for (const db of databases) {
  const pglite = new PGlite();
  try {
    const folder = await createMigration(prismaProject(db), new PrismaPGlite(pglite), name);
    console.log(folder ? `${db}: wrote ${folder}` : `${db}: schema unchanged, no migration`);
  } finally {
    await pglite.close();
  }
}
