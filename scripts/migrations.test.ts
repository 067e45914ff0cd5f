import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { describe, expect, it } from 'vitest';
import { pendingSchemaChanges } from '@bloomzy/shared/db/migrations';
import { subgraphs } from '@bloomzy/shared/manifest';
import { prismaProject } from '@bloomzy/shared/paths';

describe.each(subgraphs().map((s) => s.name))('%s migrations', (name) => {
  it('match schema.prisma (no drift)', async () => {
    const pglite = new PGlite();
    try {
      const sql = await pendingSchemaChanges(prismaProject(name), new PrismaPGlite(pglite));
      expect(
        sql,
        `prisma/${name}/schema.prisma changed without a migration: run \`npm run db:migration -- <name> ${name}\``,
      ).toBe('');
    } finally {
      await pglite.close();
    }
    // Prisma's schema engine runs as WebAssembly: CPU-bound, several seconds on a busy 2-core machine.
  }, 120_000);
});
