/**
 * PGlite in a worker thread answers as PGlite in process did (values, transactions, errors the Prisma adapter maps),
 * keeps the calling thread free while a statement runs, fails calls instead of hanging them when the worker dies, keeps
 * its data across a close and reopen, and lets the process exit once closed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ArgType, SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.js';
import { openPGliteInWorker, type PGliteInWorker } from './pglite-in-worker.js';

const text: ArgType = { scalarType: 'string', arity: 'scalar' };
const sql = (text: string, args: unknown[] = [], argTypes: ArgType[] = []): SqlQuery => ({ sql: text, args, argTypes });
const SCHEMA = 'CREATE TABLE plant (id text PRIMARY KEY, name text NOT NULL)';
/** A row of most column types the subgraphs read, as the adapter converts them for Prisma. */
const VARIED = sql(
  `SELECT 1::int4 AS i, 12345678901::int8 AS big, 1.5::numeric AS num, true AS flag, 'fern' AS name,
     '2026-03-29 01:30:00+00'::timestamptz AS at, '2026-03-29'::date AS day, '{"a": [1]}'::jsonb AS doc,
     '\\xdeadbeef'::bytea AS bytes, ARRAY['a', 'b'] AS tags, NULL::text AS nothing, $1::text AS param`,
  ['echo'],
  [text],
);

/** The error a rejected promise carries, for comparing two of them. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected the statement to fail'),
    (error: unknown) => error as Error & { cause?: unknown },
  );

describe('PGlite in a worker thread', () => {
  let opened: PGliteInWorker;
  let db: SqlDriverAdapter;
  let inProcess: PGlite;
  let reference: SqlDriverAdapter;

  beforeAll(async () => {
    [opened, inProcess] = await Promise.all([openPGliteInWorker('memory://'), PGlite.create()]);
    db = await opened.adapter.connect();
    reference = await new PrismaPGlite(inProcess).connect();
    for (const adapter of [db, reference]) await adapter.executeRaw(sql(SCHEMA));
  });
  afterAll(async () => {
    await opened?.close();
    await inProcess?.close();
  });

  it('returns what PGlite in process returns, value for value', async () => {
    const result = await db.queryRaw(VARIED);
    expect(result).toEqual(await reference.queryRaw(VARIED));
    expect(result.rows[0]).toContain('2026-03-29T01:30:00+00:00');
  });

  // The PGlite adapter's transactions are "phantom": Prisma sends no BEGIN, COMMIT or ROLLBACK of its own, commit()
  // and rollback() end them.
  it('commits a transaction, and undoes one rolled back', async () => {
    const committed = await db.startTransaction();
    await committed.executeRaw(sql(`INSERT INTO plant VALUES ('kept', 'Monstera')`));
    await committed.commit();

    const undone = await db.startTransaction();
    await undone.executeRaw(sql(`INSERT INTO plant VALUES ('undone', 'Pilea')`));
    expect((await undone.queryRaw(sql('SELECT id FROM plant ORDER BY id'))).rows).toEqual([['kept'], ['undone']]);
    await undone.rollback();

    expect((await db.queryRaw(sql('SELECT id FROM plant ORDER BY id'))).rows).toEqual([['kept']]);
  });

  it('fails a unique violation with the error PGlite in process gives (Prisma maps it to P2002)', async () => {
    const insert = sql('INSERT INTO plant VALUES ($1, $2)', ['dup', 'Fern'], [text, text]);
    for (const adapter of [db, reference]) await adapter.executeRaw(insert);
    const error = await failure(db.executeRaw(insert));
    expect(error.cause).toMatchObject({ kind: 'UniqueConstraintViolation', constraint: { fields: ['id'] } });
    expect(error.cause).toEqual((await failure(reference.executeRaw(insert))).cause);
    // The statement after the error gets its own answer.
    expect((await db.queryRaw(sql(`SELECT name FROM plant WHERE id = 'dup'`))).rows).toEqual([['Fern']]);
  });

  it('rolls back a transaction whose statement failed, and keeps serving', async () => {
    const tx = await db.startTransaction();
    await tx.executeRaw(sql(`INSERT INTO plant VALUES ('half', 'Calathea')`));
    await failure(tx.executeRaw(sql(`INSERT INTO plant VALUES ('kept', 'again')`)));
    await tx.rollback();
    expect((await db.queryRaw(sql(`SELECT count(*) FROM plant WHERE id = 'half'`))).rows).toEqual([['0']]);
  });

  it('keeps the calling thread free while a statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      const ticksWhenDone = await db
        .queryRaw(sql('SELECT count(*) FROM generate_series(1, 3000000)'))
        .then(() => ticks);
      // In process, PGlite runs the statement synchronously and the timer could not fire before it ended.
      expect(ticksWhenDone).toBeGreaterThan(3);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('PGlite in a worker thread that dies', () => {
  it('fails the statement in flight and the later ones with an error that says so', async () => {
    const opened = await openPGliteInWorker('memory://');
    try {
      const db = await opened.adapter.connect();
      const running = failure(db.queryRaw(sql('SELECT pg_sleep(30)::text')));
      await opened.worker.terminate();
      expect((await running).message).toMatch(/PGlite database \(memory:\/\/\) is closed: its worker thread exited/);
      expect((await failure(db.queryRaw(sql('SELECT 1')))).message).toMatch(/worker thread exited/);
    } finally {
      await opened.close();
    }
  });
});

describe('PGlite in a worker thread on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-pglite-worker-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps its data across a close and a reopen', async () => {
    const first = await openPGliteInWorker(dir);
    const writer = await first.adapter.connect();
    await writer.executeRaw(sql(SCHEMA));
    await writer.executeRaw(sql(`INSERT INTO plant VALUES ('p1', 'Ficus')`));
    await first.close();

    const second = await openPGliteInWorker(dir);
    try {
      const reader = await second.adapter.connect();
      expect((await reader.queryRaw(sql('SELECT name FROM plant'))).rows).toEqual([['Ficus']]);
    } finally {
      await second.close();
    }
  });

  it('lets the process exit once closed', async () => {
    // A process that opens, queries and closes, then has nothing left to do: it must end by itself.
    const script = `
      const { openPGliteInWorker } = await import('@bloomzy/shared/db/pglite-in-worker');
      const opened = await openPGliteInWorker('memory://');
      const db = await opened.adapter.connect();
      console.log(JSON.stringify((await db.queryRaw({ sql: 'SELECT 41 + 1', args: [], argTypes: [] })).rows));
      await opened.close();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once('exit', (c, s) => resolve([c, s])),
    );
    clearTimeout(killer);
    expect({ code, signal, output: output.trim() }).toEqual({ code: 0, signal: null, output: '[[42]]' });
  }, 90_000);
});
