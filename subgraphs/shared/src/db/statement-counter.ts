/** Counts what reaches the database, for tests and benchmarks asserting statements per request (observe-statements.ts). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { observeStatements } from './observe-statements.js';

/** The adapter factory whose connections call `report` with every statement's SQL as it is sent. */
export function countStatements(
  factory: SqlMigrationAwareDriverAdapterFactory,
  report: (sql: string) => void,
): SqlMigrationAwareDriverAdapterFactory {
  return observeStatements(factory, ({ sql }) => {
    report(sql);
  });
}
