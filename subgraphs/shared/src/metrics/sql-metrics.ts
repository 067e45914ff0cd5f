/**
 * SQL statement durations, measured at the Prisma driver adapter: it sees exactly what reaches the database (raw
 * queries, each statement of a transaction, the statements Prisma splits one call into), for Postgres and PGlite
 * alike. Labels are bounded: the service, the kind of statement and whether it failed, never the SQL text.
 */
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { DURATION_BUCKETS, histogram } from './registry.js';

const sqlDuration = histogram({
  name: 'bloomzy_sql_duration_seconds',
  help: 'Time of one SQL statement, by service, statement kind (query: returns rows, execute: changes rows) and outcome',
  labelNames: ['service', 'statement', 'outcome'] as const,
  buckets: [0.0005, 0.001, ...DURATION_BUCKETS],
});

const STATEMENTS: Record<PropertyKey, string> = { queryRaw: 'query', executeRaw: 'execute' };

/** A proxy timing `queryRaw`/`executeRaw` that forwards the rest to `target` itself (bound: private fields work). */
function timing<T extends object>(
  target: T,
  service: string,
  wrap: Partial<Record<PropertyKey, (value: unknown) => unknown>> = {},
): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(object);
      const statement = STATEMENTS[property];
      if (statement) {
        return async (query: SqlQuery) => {
          const started = performance.now();
          let outcome = 'error';
          try {
            const result = await method(query);
            outcome = 'ok';
            return result;
          } finally {
            sqlDuration.observe({ service, statement, outcome }, (performance.now() - started) / 1000);
          }
        };
      }
      const after = wrap[property];
      return after ? async (...args: unknown[]) => after(await method(...args)) : method;
    },
  });
}

const timingAdapter = (adapter: SqlDriverAdapter, service: string): SqlDriverAdapter =>
  timing(adapter, service, { startTransaction: (tx) => timing(tx as Transaction, service) });

/** The adapter factory whose connections time every statement into `bloomzy_sql_duration_seconds`. */
export function timeStatements(
  factory: SqlMigrationAwareDriverAdapterFactory,
  service: string,
): SqlMigrationAwareDriverAdapterFactory {
  return timing(factory, service, {
    connect: (adapter) => timingAdapter(adapter as SqlDriverAdapter, service),
    connectToShadowDb: (adapter) => timingAdapter(adapter as SqlDriverAdapter, service),
  });
}
