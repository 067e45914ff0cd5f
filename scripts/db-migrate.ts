/**
 * `npm run db:migrate`: applies committed migrations to the Postgres databases named by AUTH_DATABASE_URL,
 * PLANTS_DATABASE_URL and NOTIFICATIONS_DATABASE_URL (the production topology; embedded databases migrate at start).
 * Records them in `_prisma_migrations`, exactly as `prisma migrate deploy` would.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations } from '../subgraphs/shared/src/db/migrations.js';
import { prismaProject } from '../subgraphs/shared/src/paths.js';

const targets = [
  ['auth', process.env.AUTH_DATABASE_URL],
  ['plants', process.env.PLANTS_DATABASE_URL],
  ['notifications', process.env.NOTIFICATIONS_DATABASE_URL],
] as const;

let failed = false;
for (const [name, url] of targets) {
  if (!url) {
    console.log(`${name}: ${name.toUpperCase()}_DATABASE_URL not set, skipped`);
    continue;
  }
  try {
    const applied = await applyMigrations(prismaProject(name), new PrismaPg({ connectionString: url }));
    console.log(`${name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  } catch (error) {
    failed = true;
    console.error(`${name}: migration failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
