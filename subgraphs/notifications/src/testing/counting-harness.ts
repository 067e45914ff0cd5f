/**
 * A harness whose database reports every SQL statement it runs into `statements` (tests that count statements). Call
 * it inside `describe`; read `h` once beforeAll ran, and empty `statements` before what is counted.
 */
import { afterAll, beforeAll } from 'vitest';
import type { OpenedDatabase } from '@bloomzy/shared/db/open';
import { countStatements } from '@bloomzy/shared/db/statement-counter';
import { prismaProject } from '@bloomzy/shared/paths';
import { createTestDatabase, type TestDatabaseKind } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

export function useCountingHarness(kind: TestDatabaseKind, options: Omit<HarnessOptions, 'database'> = {}) {
  const statements: string[] = [];
  let h: Harness | undefined;
  let database: OpenedDatabase | undefined;
  beforeAll(async () => {
    const opened = await createTestDatabase(prismaProject('notifications'), kind);
    database = { ...opened, adapter: countStatements(opened.adapter, (sql) => statements.push(sql)) };
    h = await startHarness(kind, { ...options, database });
  });
  afterAll(async () => {
    await h?.stop();
    await database?.close();
  });
  return {
    statements,
    get h(): Harness {
      if (!h) throw new Error('the counting harness starts in beforeAll');
      return h;
    },
  };
}
