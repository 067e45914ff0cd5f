/**
 * Wraps a Prisma driver adapter factory so every SQL statement its connections send is observed. Done at the adapter,
 * not with Prisma's query log, because the adapter sees exactly what reaches the database, for Postgres and PGlite
 * alike: raw queries, each statement of a transaction and the statements Prisma splits one call into. The statement
 * counter (tests, benchmarks) and the SQL duration metric are both observers of this one proxy.
 */
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** One statement about to be sent; `kind` query returns rows, execute changes them. */
interface ObservedStatement {
  sql: string;
  kind: 'query' | 'execute';
}

/** Called as a statement is sent; a function it returns is called once the statement settled, with its outcome. */
export type StatementObserver = (statement: ObservedStatement) => ((ok: boolean) => void) | void;

const KINDS: Partial<Record<PropertyKey, ObservedStatement['kind']>> = { queryRaw: 'query', executeRaw: 'execute' };

/**
 * A proxy that observes `queryRaw`/`executeRaw` and forwards everything else to `target` itself (bound, so adapters
 * using private class fields keep working); `wrap` replaces what a method resolves with (connections, transactions).
 */
function observing<T extends object>(
  target: T,
  observe: StatementObserver,
  wrap: Partial<Record<PropertyKey, (value: unknown) => unknown>> = {},
): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => Promise<unknown>).bind(object);
      const kind = KINDS[property];
      if (kind) {
        return (query: SqlQuery) => {
          const settled = observe({ sql: query.sql, kind });
          if (typeof settled !== 'function') return method(query);
          return method(query).then(
            (result) => {
              settled(true);
              return result;
            },
            (error: unknown) => {
              settled(false);
              throw error;
            },
          );
        };
      }
      const after = wrap[property];
      return after ? async (...args: unknown[]) => after(await method(...args)) : method;
    },
  });
}

const observingAdapter = (adapter: SqlDriverAdapter, observe: StatementObserver): SqlDriverAdapter =>
  observing(adapter, observe, { startTransaction: (tx) => observing(tx as Transaction, observe) });

/** The adapter factory whose connections (and their transactions) report every statement to `observe`. */
export function observeStatements(
  factory: SqlMigrationAwareDriverAdapterFactory,
  observe: StatementObserver,
): SqlMigrationAwareDriverAdapterFactory {
  return observing(factory, observe, {
    connect: (adapter) => observingAdapter(adapter as SqlDriverAdapter, observe),
    connectToShadowDb: (adapter) => observingAdapter(adapter as SqlDriverAdapter, observe),
  });
}
