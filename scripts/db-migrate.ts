/**
 * `npm run db:migrate`: applies committed migrations to each subgraph's Postgres database, named by
 * <NAME>_DATABASE_URL (AUTH_DATABASE_URL...; the production topology; embedded databases migrate at start), with the
 * password from <NAME>_DATABASE_PASSWORD_FILE when set.
 * Records them in `_prisma_migrations`, exactly as `prisma migrate deploy` would.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations } from '@bloomzy/shared/db/migrations';
import { withPassword } from '@bloomzy/shared/db/open';
import { subgraphs } from '@bloomzy/shared/manifest';
import { prismaProject } from '@bloomzy/shared/paths';

let failed = false;
for (const { name, envPrefix } of subgraphs()) {
  const variable = `${envPrefix}_DATABASE_URL`;
  const url = process.env[variable];
  if (!url) {
    console.log(`${name}: ${variable} not set, skipped`);
    continue;
  }
  try {
    const passwordVariable = `${envPrefix}_DATABASE_PASSWORD_FILE`;
    const connectionString = await withPassword(url, process.env[passwordVariable], passwordVariable);
    const applied = await applyMigrations(prismaProject(name), new PrismaPg({ connectionString }));
    console.log(`${name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  } catch (error) {
    failed = true;
    console.error(`${name}: migration failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
