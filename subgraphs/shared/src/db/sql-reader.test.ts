/** The row reader returns values as `$queryRaw` does, on Postgres and PGlite, and only for the client it belongs to. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prismaProject } from '../paths.js';
import { createTestDatabase, testDatabaseKinds } from '../testing/test-database.js';
import type { OpenedDatabase } from './open.js';
import { attachReader, createSqlReader, disposeReader, readRows, type SqlReader } from './sql-reader.js';

/** A `Prisma.sql` statement as the reader receives it. */
const sql = (text: string, ...values: unknown[]) => ({ text, values });

describe.each(testDatabaseKinds())('SQL row reader (%s)', (kind) => {
  let database: OpenedDatabase;
  let reader: SqlReader;

  beforeAll(async () => {
    database = await createTestDatabase(prismaProject('plants'), kind);
    reader = createSqlReader(database.adapter);
  });
  afterAll(async () => {
    await reader?.dispose();
    await database?.close();
  });

  it('types every value as $queryRaw does', async () => {
    const [row] = await reader.rows<Record<string, unknown>>(
      sql(`SELECT '2025-03-01 10:20:30.456'::timestamp(3) AS at, DATE '2025-03-02' AS day,
                  ARRAY['2025-03-01 10:20:30.456'::timestamp(3)] AS ats,
                  '{"a": [1, "x"], "b": null}'::jsonb AS doc, NULL::jsonb AS none,
                  ARRAY['a', 'b'] AS names, 7::int AS n, 2.5::float8 AS f, 9007199254740993::bigint AS big,
                  true AS yes, 'b1f4c0de-0000-4000-8000-000000000001'::uuid AS id, 'x'::text AS t, NULL::text AS nothing`),
    );
    expect(row).toEqual({
      at: new Date('2025-03-01T10:20:30.456Z'),
      day: new Date('2025-03-02T00:00:00.000Z'),
      ats: [new Date('2025-03-01T10:20:30.456Z')],
      doc: { a: [1, 'x'], b: null },
      none: null,
      names: ['a', 'b'],
      n: 7,
      f: 2.5,
      big: 9007199254740993n,
      yes: true,
      id: 'b1f4c0de-0000-4000-8000-000000000001',
      t: 'x',
      nothing: null,
    });
  });

  it('binds strings, numbers, dates, lists and nulls', async () => {
    const at = new Date('2024-12-31T23:59:59.999Z');
    const rows = await reader.rows<{ s: string; n: number; at: Date; ids: string[]; none: string | null }>(
      sql(
        'SELECT $1::text AS s, $2::int + 1 AS n, $3::timestamp(3) AS at, $4::uuid[] AS ids, $5::text AS none',
        "it's",
        41,
        at,
        ['b1f4c0de-0000-4000-8000-000000000001'],
        null,
      ),
    );
    expect(rows).toEqual([{ s: "it's", n: 42, at, ids: ['b1f4c0de-0000-4000-8000-000000000001'], none: null }]);
  });

  it('refuses a column type it would return in another shape than $queryRaw', async () => {
    await expect(reader.rows(sql('SELECT 1.5::numeric AS amount'))).rejects.toThrow(/column "amount".*\$queryRaw/);
  });

  it('reads through the reader of the client it was attached to, and through $queryRaw otherwise', async () => {
    const client = { $queryRaw: vi.fn(async () => [{ via: 'prisma' }]) };
    const transaction = { $queryRaw: vi.fn(async () => [{ via: 'transaction' }]) };
    attachReader(client, reader);
    expect(await readRows(client, sql(`SELECT 'reader' AS via`))).toEqual([{ via: 'reader' }]);
    expect(client.$queryRaw).not.toHaveBeenCalled();
    const statement = sql('SELECT 1');
    expect(await readRows(transaction, statement)).toEqual([{ via: 'transaction' }]);
    expect(transaction.$queryRaw).toHaveBeenCalledWith(statement);
    // Disposing detaches it: the client reads through $queryRaw again, and the reader reconnects when used.
    await disposeReader(client);
    expect(await readRows(client, sql('SELECT 1'))).toEqual([{ via: 'prisma' }]);
    expect(await reader.rows(sql('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });
});
