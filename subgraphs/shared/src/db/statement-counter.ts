/**
 * Wraps a driver adapter so every SQL statement Prisma sends is reported. Done at the adapter, not with Prisma's query
 * log, because the adapter sees exactly what reaches the database: raw queries, each statement of a transaction and
 * the statements Prisma splits one call into.
 */
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

type Report = (sql: string) => void;

/**
 * A proxy that reports `queryRaw`/`executeRaw` and forwards everything else to `target` itself (bound, so adapters
 * using private class fields keep working).
 */
function reporting<T extends object>(
  target: T,
  report: Report,
  wrap: Partial<Record<PropertyKey, (value: unknown) => unknown>> = {},
): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(object);
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: SqlQuery) => {
          report(query.sql);
          return method(query);
        };
      }
      const after = wrap[property];
      return after ? async (...args: unknown[]) => after(await method(...args)) : method;
    },
  });
}

const reportingAdapter = (adapter: SqlDriverAdapter, report: Report): SqlDriverAdapter =>
  reporting(adapter, report, {
    startTransaction: (tx) => reporting(tx as Transaction, report),
  });

export function countStatements(
  factory: SqlMigrationAwareDriverAdapterFactory,
  report: Report,
): SqlMigrationAwareDriverAdapterFactory {
  return reporting(factory, report, {
    connect: (adapter) => reportingAdapter(adapter as SqlDriverAdapter, report),
    connectToShadowDb: (adapter) => reportingAdapter(adapter as SqlDriverAdapter, report),
  });
}
