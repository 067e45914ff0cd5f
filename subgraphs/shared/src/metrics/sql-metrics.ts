/**
 * SQL statement durations, observed at the Prisma driver adapter (db/observe-statements.ts). Labels are bounded: the
 * service, the kind of statement and whether it failed, never the SQL text.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { observeStatements } from '../db/observe-statements.js';
import { DURATION_BUCKETS, histogram } from './registry.js';

const sqlDuration = histogram({
  name: 'bloomzy_sql_duration_seconds',
  help: 'Time of one SQL statement, by service, statement kind (query: returns rows, execute: changes rows) and outcome',
  labelNames: ['service', 'statement', 'outcome'] as const,
  buckets: [0.0005, 0.001, ...DURATION_BUCKETS],
});

/** The adapter factory whose connections time every statement into `bloomzy_sql_duration_seconds`. */
export function timeStatements(
  factory: SqlMigrationAwareDriverAdapterFactory,
  service: string,
): SqlMigrationAwareDriverAdapterFactory {
  return observeStatements(factory, ({ kind }) => {
    const started = performance.now();
    return (ok) =>
      sqlDuration.observe(
        { service, statement: kind, outcome: ok ? 'ok' : 'error' },
        (performance.now() - started) / 1000,
      );
  });
}
