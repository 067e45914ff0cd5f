/**
 * The calling side of pglite-worker.ts: the part of PGlite's interface that pglite-prisma-adapter uses (`query` with
 * array rows and parsers, `exec`, `transaction` with `query` and `rollback`), each call a message to the worker.
 * Parsers are functions, which cannot cross threads: the worker returns the text of the types they are given for, and
 * they run here, as PGlite would have run them. Database errors are rebuilt as PGlite's DatabaseError, which the adapter
 * maps to Prisma's error codes (P2002 for a unique violation...).
 */
import type { Worker } from 'node:worker_threads';
import { messages, type ParserOptions, type QueryOptions, type Results } from '@electric-sql/pglite';
import type { PGliteRequest, PGliteResponse, SerializedError } from './pglite-worker.js';

/** A request as callers give it; `call` numbers it. */
type Request = PGliteRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** The transaction handed to `transaction`'s callback: PGlite's Transaction as far as the adapter uses it. */
export interface WorkerTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  rollback(): Promise<void>;
}

function rebuildError({ message, database }: SerializedError): Error {
  if (!database) return new Error(message);
  return Object.assign(new messages.DatabaseError(message, database.length, 'error'), database.fields);
}

/** The type OIDs of a parsers object, listed once per object (the adapter passes the same one every time). */
const parsedTypes = new WeakMap<ParserOptions, number[]>();
function typesOf(parsers: ParserOptions): number[] {
  let types = parsedTypes.get(parsers);
  if (!types) parsedTypes.set(parsers, (types = Object.keys(parsers).map(Number)));
  return types;
}

/** Runs `parsers` over the raw columns of `results` (those whose type the worker was asked to leave as text). */
function parse<T>(results: Results<T>, parsers: ParserOptions): Results<T> {
  const columns = results.fields.flatMap((field, i) => {
    const parser = parsers[field.dataTypeID];
    return parser ? [{ i, parser }] : [];
  });
  if (columns.length === 0) return results;
  for (const row of results.rows as unknown[][]) {
    for (const { i, parser } of columns) {
      const text = row[i];
      if (typeof text === 'string') row[i] = parser(text);
    }
  }
  return results;
}

export class PGliteWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #lastId = 0;
  /** Set once the worker is gone: every call, pending or later, fails with it. */
  #gone: Error | undefined;

  /** `name` says which database in the errors reporting the worker gone. */
  constructor(worker: Worker, name: string) {
    this.#worker = worker;
    worker.on('message', (response: PGliteResponse) => {
      const call = this.#pending.get(response.id);
      if (!call) return;
      this.#pending.delete(response.id);
      if (response.ok) call.resolve(response.value);
      else call.reject(rebuildError(response.error));
    });
    let reason = '';
    worker.on('error', (error) => (reason = `: ${error.message}`));
    worker.once('exit', (code) => {
      this.#gone = new Error(
        `the PGlite database (${name}) is closed: its worker thread exited with code ${code}${reason}`,
      );
      for (const call of this.#pending.values()) call.reject(this.#gone);
      this.#pending.clear();
    });
  }

  /** Sends `request`; resolves with the worker's answer, rejects with its error or when the worker is gone. */
  call<T>(request: Request): Promise<T> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = ++this.#lastId;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...request, id } satisfies PGliteRequest);
    });
  }

  async #query<T>(tx: number | undefined, sql: string, params: unknown[] = [], options: QueryOptions = {}) {
    if (options.rowMode !== 'array' || options.blob || options.paramTypes || options.serializers)
      throw new Error('PGliteWorkerClient.query supports the array row mode and parsers only');
    const parsers = options.parsers ?? {};
    const results = await this.call<Results<T>>({ op: 'query', tx, sql, params, rawTypes: typesOf(parsers) });
    return parse(results, parsers);
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(undefined, sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.call({ op: 'exec', sql });
  }

  /**
   * As PGlite's: BEGIN, `callback`, then COMMIT; ROLLBACK when `callback` throws (its error rethrown, or the
   * ROLLBACK's should that fail) unless it rolled back itself. Other statements wait meanwhile, as they did in process.
   */
  async transaction<T>(callback: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: 'begin' });
    const tx: WorkerTransaction = {
      query: (sql, params, options) => this.#query(id, sql, params, options),
      rollback: () => this.call({ op: 'rollback', tx: id }),
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.call({ op: 'end', tx: id, failed: true });
      throw error;
    }
    await this.call({ op: 'end', tx: id, failed: false });
    return result;
  }
}
