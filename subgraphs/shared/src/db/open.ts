/**
 * Opens a subgraph's database as a Prisma driver adapter: Postgres when a URL is configured (the production topology),
 * otherwise an embedded PGlite database in a data directory, which survives restarts and needs no server, run in a
 * worker thread of its own so its SQL does not hold up the event loop (pglite-in-worker.ts).
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { retryUntil, StartupTimeoutError } from '../deps/startup.js';
import { ConfigError } from '../env-schema.js';
import { subgraph } from '../manifest.js';
import { timeStatements } from '../metrics/sql-metrics.js';
import { prismaProject } from '../paths.js';
import { applyMigrations, type PrismaProject } from './migrations.js';
import { openPGliteInWorker } from './pglite-in-worker.js';

export interface OpenedDatabase {
  kind: 'postgres' | 'pglite';
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** Where the data lives, for start-up messages (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent an embedded database is used. */
  url?: string | undefined;
  /** File holding the password of `url` (a docker secret), read here; `passwordVariable` names it in errors. */
  passwordFile?: string | undefined;
  passwordVariable?: string;
  /** Directory for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  project: PrismaProject;
  /** Apply pending migrations on open. Always done for the embedded database. */
  migrate?: boolean;
  /**
   * Postgres only: how long to wait for the server to answer (retrying with backoff) before throwing
   * StartupTimeoutError naming `variable`; not waited for when absent.
   */
  wait?: { timeoutMs: number; variable: string };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.url) {
    const connectionString = await withPassword(options.url, options.passwordFile, options.passwordVariable);
    const u = new URL(options.url);
    const location = `${u.hostname}:${u.port || 5432}${u.pathname}`;
    if (options.wait) await waitForPostgres(connectionString, location, options.wait);
    // One pool for every connection of the adapter: the Prisma client's and the row reader's (sql-reader.ts) share
    // its connections, and it closes with the database rather than with either of them.
    const pool = new pg.Pool({ connectionString });
    // A connection that dies while idle is dropped by the pool (and reported by the adapter while one is connected);
    // without a listener the pool's 'error' event would end the process.
    pool.on('error', () => undefined);
    const adapter = new PrismaPg(pool);
    let ended: Promise<void> | undefined;
    const close = () => (ended ??= pool.end());
    if (options.migrate)
      await applyMigrations(options.project, adapter).catch(async (error: unknown) => {
        await close();
        throw error;
      });
    return { kind: 'postgres', adapter, location, close };
  }
  const inMemory = options.dataDir === 'memory://';
  if (!inMemory) await mkdir(options.dataDir, { recursive: true });
  const pglite = await openPGliteInWorker(options.dataDir);
  try {
    await applyMigrations(options.project, pglite.adapter);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return {
    kind: 'pglite',
    adapter: pglite.adapter,
    location: inMemory ? 'in memory' : options.dataDir,
    close: pglite.close,
  };
}

/**
 * The URL with the password read from `file` (trailing newline dropped), or the URL as it is without a file. Put into
 * the URL rather than passed beside it: pg lets a connection string override a separate `password` option.
 */
export async function withPassword(url: string, file: string | undefined, variable = 'DATABASE_PASSWORD_FILE') {
  if (!file) return url;
  const password = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    (error: unknown) => {
      throw new ConfigError(variable, `cannot be read (${(error as Error).message})`);
    },
  );
  if (!password) throw new ConfigError(variable, `is empty (${file})`);
  const withSecret = new URL(url);
  // pg decodes the userinfo; encoding first keeps '%', '@', ':' and '/' in a password literal.
  withSecret.password = encodeURIComponent(password);
  return withSecret.toString();
}

/** Answers once the server accepts a connection and a query; throws StartupTimeoutError after `timeoutMs`. */
async function waitForPostgres(url: string, location: string, wait: { timeoutMs: number; variable: string }) {
  try {
    await retryUntil(async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
      client.on('error', () => undefined); // a connection lost between query and end is not this probe's concern
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    }, wait.timeoutMs);
  } catch {
    throw new StartupTimeoutError(wait.variable, `the database at ${location}`, wait.timeoutMs);
  }
}

/**
 * A subgraph's database from its configuration (Postgres URL, else `<dataDir>/db`), unless tests pass one in. A
 * Postgres server is waited for up to `startupTimeoutSeconds` (STARTUP_TIMEOUT_SECONDS; 30 s when absent).
 */
export async function openServiceDatabase(
  config: {
    databaseUrl: string | undefined;
    databasePasswordFile?: string | undefined;
    dataDir: string;
    startupTimeoutSeconds?: number;
  },
  name: string,
  existing?: OpenedDatabase,
): Promise<OpenedDatabase> {
  const opened =
    existing ??
    (await openDatabase({
      url: config.databaseUrl,
      passwordFile: config.databasePasswordFile,
      passwordVariable: `${subgraph(name).envPrefix}_DATABASE_PASSWORD_FILE`,
      dataDir: path.join(config.dataDir, 'db'),
      project: prismaProject(name),
      wait: {
        timeoutMs: (config.startupTimeoutSeconds ?? 30) * 1000,
        variable: `${subgraph(name).envPrefix}_DATABASE_URL`,
      },
    }));
  // Every statement the service sends is timed (bloomzy_sql_duration_seconds); migrations above are not.
  return { ...opened, adapter: timeStatements(opened.adapter, name) };
}
