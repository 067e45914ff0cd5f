/**
 * An embedded PGlite database in a worker thread of its own (pglite-worker.ts), used through pglite-prisma-adapter as
 * before. PGlite is WebAssembly run synchronously: on the main thread every statement stopped the event loop of the
 * router and all subgraphs (`npm start` runs them in one process); in a worker per database, SQL runs on the machine's
 * other cores while the services keep answering.
 *
 * Why messages carrying PGlite calls rather than PGlite's socket server (@electric-sql/pglite-socket) with the
 * Postgres adapter: the socket server answers an extended-protocol error with a second ReadyForQuery
 * (electric-sql/pglite#958, open), after which every result arrives one statement late; a unique violation would
 * silently desynchronise the connection. PGlite's own `query` and `transaction` do not have that problem.
 */
import type { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { startModuleWorker } from './module-worker.js';
import { PGliteWorkerClient } from './pglite-worker-client.js';
import type { PGliteWorkerData } from './pglite-worker.js';

/** How long close() waits for the worker to close the database (flushing it to disk) before ending the thread. */
const CLOSE_TIMEOUT_MS = 10_000;

export interface PGliteInWorker {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The thread running PGlite (tests end it to see what callers get). */
  worker: Worker;
  /** Closes the database and ends the thread; resolves once it has ended. */
  close(): Promise<void>;
}

/** Resolves when the worker has opened the database; rejects with its start-up error otherwise. */
function opened(worker: Worker, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => reject(new Error(`PGlite (${dataDir}) did not open in its worker: ${reason}`));
    worker.once('message', () => resolve());
    worker.once('error', (error) => fail(error.message));
    worker.once('exit', (code) => fail(`the worker exited with code ${code}`));
  });
}

/**
 * Opens the PGlite database of `dataDir` (`memory://`: in memory) in a new worker thread. Resolves once it is open;
 * rejects when it cannot be (the thread has ended by then).
 */
export async function openPGliteInWorker(dataDir: string): Promise<PGliteInWorker> {
  const workerData: PGliteWorkerData = { dataDir };
  const worker = startModuleWorker(import.meta.url, 'pglite-worker', { workerData });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  try {
    await opened(worker, dataDir);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  const client = new PGliteWorkerClient(worker, dataDir);
  return {
    // The adapter calls only what PGliteWorkerClient implements (query, exec, transaction); see its header.
    adapter: new PrismaPGlite(client as unknown as PGlite),
    worker,
    close: async () => {
      const timeout = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
      // A database that cannot close (or a worker already gone) leaves nothing to wait for.
      await client.call({ op: 'close' }).catch(() => worker.terminate());
      await exited;
      clearTimeout(timeout);
    },
  };
}
