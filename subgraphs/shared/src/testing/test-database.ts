/**
 * Fresh, migrated databases for integration tests: PGlite in memory always; a throw-away Postgres database when
 * TEST_DATABASE_URL is set (CI sets it). Each call gets an empty database so test files never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PrismaProject } from '../db/migrations.js';
import { openDatabase, type OpenedDatabase } from '../db/open.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database kinds the integration suites should run against in this environment. */
export function testDatabaseKinds(env: Record<string, string | undefined> = process.env): TestDatabaseKind[] {
  if (env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  // In CI a missing Postgres must fail the run, not silently shrink it to PGlite only.
  if (env.CI === 'true')
    throw new Error('CI=true but TEST_DATABASE_URL is not set: Postgres tests cannot be skipped in CI');
  return ['pglite'];
}

/** Redis URL for Redis-backed tests; undefined (skip) locally when unset, an error in CI. */
export function testRedisUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.REDIS_URL) return env.REDIS_URL;
  if (env.CI === 'true') throw new Error('CI=true but REDIS_URL is not set: Redis tests cannot be skipped in CI');
  return undefined;
}

export async function createTestDatabase(project: PrismaProject, kind: TestDatabaseKind): Promise<OpenedDatabase> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://', project });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `bloomzy_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), dataDir: '', project, migrate: true });
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
