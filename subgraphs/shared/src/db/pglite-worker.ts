/**
 * Worker-thread entry (started by pglite-in-worker.ts): one PGlite database, driven by messages from the thread that
 * started it, so its statements run here instead of blocking that thread's event loop. Each request is answered with
 * its result or its error; the database's own `query`, `exec` and `transaction` do the work, so statements keep
 * PGlite's ordering and locking. Posts `{ type: 'ready' }` once the database is open.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { messages, PGlite, type Results, type Transaction } from '@electric-sql/pglite';

/** What pglite-in-worker.ts passes as `workerData`. */
export interface PGliteWorkerData {
  /** Data directory, or `memory://` for a database that lives as long as the worker. */
  dataDir: string;
}

/** A statement, on the database or in the open transaction `tx`. */
type Statement = { tx?: number | undefined } & (
  | {
      op: 'query';
      sql: string;
      params: unknown[];
      /** Types whose values come back as the text Postgres sent: their parsers are functions, run by the caller. */
      rawTypes: number[];
    }
  | { op: 'exec'; sql: string }
);

export type PGliteRequest = { id: number } & (
  | Statement
  /** Opens a transaction; answered with its number once BEGIN ran. */
  | { op: 'begin' }
  | { op: 'rollback'; tx: number }
  /** Ends transaction `tx`: commits it unless rolled back or `failed` (then PGlite rolls it back). */
  | { op: 'end'; tx: number; failed: boolean }
  /** Closes the database; the thread ends once it is answered. */
  | { op: 'close' }
);

/** An error as it crosses threads: its message and, for a database error, what Postgres said (code, detail...). */
export interface SerializedError {
  message: string;
  /** Set for PGlite's DatabaseError (`messages.DatabaseError`), which the Prisma adapter maps to Prisma's codes. */
  database?: { length: number; fields: Partial<Record<DatabaseErrorField, string>> };
}

export type PGliteResponse =
  | { id: number; ok: true; value: Results | Results[] | number | null }
  | { id: number; ok: false; error: SerializedError };

/** The fields of a Postgres error or notice (pg-protocol's NoticeOrError). */
const DATABASE_ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;
type DatabaseErrorField = (typeof DATABASE_ERROR_FIELDS)[number];

function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error) };
  if (!(error instanceof messages.DatabaseError)) return { message: error.message };
  const fields: Partial<Record<DatabaseErrorField, string>> = {};
  for (const key of DATABASE_ERROR_FIELDS) {
    const value = error[key];
    if (value !== undefined) fields[key] = value;
  }
  return { message: error.message, database: { length: error.length, fields } };
}

const identity = (text: string) => text;
/** The parsers leaving `rawTypes` as text, one object per list (the adapter always sends the same one). */
const rawParsers = new Map<string, Record<number, typeof identity>>();
function parsersFor(rawTypes: number[]) {
  const key = rawTypes.join();
  let parsers = rawParsers.get(key);
  if (!parsers) rawParsers.set(key, (parsers = Object.fromEntries(rawTypes.map((type) => [type, identity]))));
  return parsers;
}

/** What ends a transaction whose caller failed: PGlite rolls back and rethrows it; the caller keeps its own error. */
const CALLER_FAILED = new Error('the transaction failed in its caller');

interface OpenTransaction {
  tx: Transaction;
  end(failed: boolean): void;
  /** What db.transaction() settles with once the transaction ended (its COMMIT or ROLLBACK can fail too). */
  done: Promise<unknown>;
}

function serve(port: MessagePort, db: PGlite) {
  const transactions = new Map<number, OpenTransaction>();
  let lastTx = 0;
  const openTransaction = (tx: number) => {
    const open = transactions.get(tx);
    if (!open) throw new Error(`transaction ${tx} is not open`);
    return open;
  };
  const target = (tx: number | undefined) => (tx === undefined ? db : openTransaction(tx).tx);

  const run = async (request: PGliteRequest): Promise<Results | Results[] | number | null> => {
    switch (request.op) {
      case 'query': {
        const parsers = parsersFor(request.rawTypes);
        return target(request.tx).query(request.sql, request.params, { rowMode: 'array', parsers });
      }
      case 'exec':
        return target(request.tx).exec(request.sql);
      case 'begin':
        return begin();
      case 'rollback':
        await openTransaction(request.tx).tx.rollback();
        return null;
      case 'end': {
        const open = openTransaction(request.tx);
        transactions.delete(request.tx);
        open.end(request.failed);
        await open.done.catch((error: unknown) => {
          if (error !== CALLER_FAILED) throw error;
        });
        return null;
      }
      case 'close':
        await db.close();
        return null;
    }
  };

  /** Starts db.transaction() and leaves it open (its callback waits) until the caller sends `end`. */
  const begin = async (): Promise<number> => {
    const id = ++lastTx;
    let started!: () => void;
    const isOpen = new Promise<void>((resolve) => (started = resolve));
    const done = db.transaction(
      (tx) =>
        new Promise<void>((resolve, reject) => {
          transactions.set(id, {
            tx,
            end: (failed) => (failed ? reject(CALLER_FAILED) : resolve()),
            done,
          });
          started();
        }),
    );
    // BEGIN failing settles `done` without the callback ever running.
    await Promise.race([isOpen, done]);
    return id;
  };

  port.on('message', (request: PGliteRequest) => {
    void run(request).then(
      (value) => {
        port.postMessage({ id: request.id, ok: true, value } satisfies PGliteResponse);
        if (request.op === 'close') port.close();
      },
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: serializeError(error) }),
    );
  });
}

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread (see pglite-in-worker.ts)');
const { dataDir } = workerData as PGliteWorkerData;
const db = dataDir === 'memory://' ? new PGlite() : new PGlite(dataDir);
await db.waitReady;
serve(port, db);
port.postMessage({ type: 'ready' });
