/**
 * Reads rows of plain SQL straight from the Prisma driver adapter, past Prisma's client. The rows every dashboard
 * request reads (a page of plants, their waterings and species, a page of notifications) were plain SQL already, but
 * `$queryRaw` still sent them through the client's query interpreter and typed every value of the answer on the way
 * back: on a page of 50 plants that was about as much CPU again as the adapter and the driver together (0.57–0.86 ms
 * against 0.26–0.36 ms; their waterings 1.2–1.3 ms against 0.43–0.48 ms). The statement still goes through the same
 * adapter — Postgres or PGlite, the statement counter and the SQL metrics see it — and its rows come back as
 * `$queryRaw` gives them: Dates for timestamps, parsed JSON, enums as their names, arrays as arrays.
 *
 * A reader belongs to the client it was attached to (`attachReader`). `readRows` on any other client — a transaction's
 * above all, whose reads must see its own writes — goes through `$queryRaw` as before.
 */
import {
  ColumnTypeEnum,
  type ArgType,
  type ColumnType,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

/** A `Prisma.sql` template: Postgres's text ($1, $2 …) and its values. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

/** A Prisma client or transaction: what `readRows` calls when it has no reader (with a `Prisma.sql` statement). */
export interface RawQueryClient {
  $queryRaw: (...args: never[]) => PromiseLike<unknown>;
}
type QueryRaw = (statement: SqlStatement) => PromiseLike<unknown>;

export interface SqlReader {
  rows<T>(statement: SqlStatement): Promise<T[]>;
  /** Closes the reader's connection (not the database). */
  dispose(): Promise<void>;
}

/** How an argument is bound: the adapters turn Dates into timestamps, the rest goes to the driver as it is. */
function argType(value: unknown): ArgType {
  const element = Array.isArray(value) ? value[0] : value;
  const arity = Array.isArray(value) ? 'list' : 'scalar';
  if (element instanceof Date) return { scalarType: 'datetime', arity };
  if (typeof element === 'number') return { scalarType: Number.isInteger(element) ? 'int' : 'float', arity };
  if (typeof element === 'boolean') return { scalarType: 'boolean', arity };
  if (typeof element === 'bigint') return { scalarType: 'bigint', arity };
  return { scalarType: typeof element === 'string' ? 'string' : 'unknown', arity };
}

const asDate = (value: unknown) => (value === null ? null : new Date(value as string));
const asArray = (parse: (value: unknown) => unknown) => (value: unknown) =>
  value === null ? null : (value as unknown[]).map(parse);
const asJson = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);
const asBigInt = (value: unknown) => (value === null ? null : BigInt(value as string | number));
const asNumber = (value: unknown) => (value === null ? null : Number(value));

/**
 * How each column's values become what `$queryRaw` returns; undefined: as the adapter gives them (strings, numbers,
 * booleans, arrays of those). Types no reader statement selects (numeric, bytes, times of day) are refused rather than
 * returned in a shape `$queryRaw` would not have.
 */
function converterOf(type: ColumnType, column: string): ((value: unknown) => unknown) | undefined {
  switch (type) {
    case ColumnTypeEnum.DateTime:
    case ColumnTypeEnum.Date:
      return asDate;
    case ColumnTypeEnum.DateTimeArray:
    case ColumnTypeEnum.DateArray:
      return asArray(asDate);
    case ColumnTypeEnum.Json:
      return asJson;
    case ColumnTypeEnum.JsonArray:
      return asArray(asJson);
    case ColumnTypeEnum.Int64:
      return asBigInt;
    case ColumnTypeEnum.Int64Array:
      return asArray(asBigInt);
    case ColumnTypeEnum.UnknownNumber:
      return asNumber;
    case ColumnTypeEnum.Numeric:
    case ColumnTypeEnum.NumericArray:
    case ColumnTypeEnum.Bytes:
    case ColumnTypeEnum.BytesArray:
    case ColumnTypeEnum.Time:
    case ColumnTypeEnum.TimeArray:
      throw new Error(`readRows does not convert column "${column}" (column type ${type}): use $queryRaw`);
    default:
      return undefined;
  }
}

/** A reader over its own connection of `factory` (Postgres: the same pool as the client's; PGlite: the same worker). */
export function createSqlReader(factory: SqlDriverAdapterFactory): SqlReader {
  let connection: Promise<SqlDriverAdapter> | undefined;
  const connect = () => {
    connection ??= factory.connect().catch((error: unknown) => {
      connection = undefined; // the next read tries again
      throw error;
    });
    return connection;
  };
  return {
    async rows<T>({ text, values }: SqlStatement): Promise<T[]> {
      const adapter = await connect();
      const result = await adapter.queryRaw({ sql: text, args: values, argTypes: values.map(argType) });
      const { columnNames, columnTypes } = result;
      const converters = columnTypes.map((type, i) => converterOf(type, columnNames[i] ?? String(i)));
      return result.rows.map((row) => {
        const record: Record<string, unknown> = {};
        for (let i = 0; i < columnNames.length; i++) {
          const convert = converters[i];
          record[columnNames[i]!] = convert ? convert(row[i]) : row[i];
        }
        return record as T;
      });
    },
    async dispose() {
      const opened = connection;
      connection = undefined;
      if (opened) await (await opened.catch(() => undefined))?.dispose();
    },
  };
}

const readers = new WeakMap<object, SqlReader>();

/** Makes `readRows(client, …)` read through `reader`; returns the client. */
export function attachReader<C extends object>(client: C, reader: SqlReader): C {
  readers.set(client, reader);
  return client;
}

/** Closes the reader attached to `client`, if any (with the client's own disconnection). */
export async function disposeReader(client: object): Promise<void> {
  const reader = readers.get(client);
  readers.delete(client);
  await reader?.dispose();
}

/**
 * The rows of a read-only statement: through the reader attached to `client`, otherwise (a transaction, a client
 * without one) through `$queryRaw`.
 */
export function readRows<T>(client: RawQueryClient, statement: SqlStatement): Promise<T[]> {
  const reader = readers.get(client);
  if (reader) return reader.rows<T>(statement);
  return Promise.resolve((client.$queryRaw as QueryRaw).call(client, statement) as PromiseLike<T[]>);
}
