/**
 * Fetches to one subgraph that start together — the parallel steps of a query plan, and concurrent operations with the
 * same credentials — go out as one HTTP request carrying a JSON array of operations (Apollo Server's
 * `allowBatchedHttpRequests`, which every Bloomzy subgraph enables), answered by an array in the same order.
 *
 * "Together" is one turn of the event loop: fetches queued before the next `setImmediate` share a request, so nothing
 * waits for a timer. Only queries are batched (the caller's choice); a batch is capped in bytes so it stays under the
 * subgraph's body limit, and a batch of one is sent as a plain request.
 */
import type { SubgraphAnswer } from './subgraph-answer.js';

/** Sends one HTTP request with `body` to `url` with `headers`; rejects when the subgraph cannot be reached. */
export type Send = (url: string, headers: Record<string, string>, body: string) => Promise<SubgraphAnswer>;

export interface Batcher {
  /** Queues `body` (one operation's JSON) under `key` (same URL and credentials); resolves to its own answer. */
  fetch(key: string, url: string, headers: Record<string, string>, body: string): Promise<SubgraphAnswer>;
  /** HTTP requests that carried more than one operation, and the operations they carried, since start. */
  readonly stats: { batches: number; batchedOperations: number };
}

interface Pending {
  body: string;
  resolve(answer: SubgraphAnswer): void;
  reject(error: unknown): void;
}

interface Queue {
  url: string;
  headers: Record<string, string>;
  items: Pending[];
}

/** Splits `items` into runs whose bodies, joined as an array, stay within `maxBytes`. */
function chunks(items: Pending[], maxBytes: number): Pending[][] {
  const out: Pending[][] = [];
  let current: Pending[] = [];
  // `[` and `]`, and a comma before every body but the first: 2 + Σ(size + 1) − 1.
  let bytes = 1;
  for (const item of items) {
    const size = Buffer.byteLength(item.body) + 1;
    if (current.length && bytes + size > maxBytes) {
      out.push(current);
      current = [];
      bytes = 1;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

export function createBatcher(send: Send, maxBytes: number): Batcher {
  const queues = new Map<string, Queue>();
  const stats = { batches: 0, batchedOperations: 0 };

  async function sendOne({ url, headers }: Queue, item: Pending) {
    try {
      item.resolve(await send(url, headers, item.body));
    } catch (error) {
      item.reject(error);
    }
  }

  async function sendBatch(queue: Queue, items: Pending[]) {
    let answer: SubgraphAnswer;
    try {
      answer = await send(queue.url, queue.headers, `[${items.map((item) => item.body).join(',')}]`);
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    stats.batches++;
    stats.batchedOperations += items.length;
    let values: unknown;
    try {
      values = answer.text === undefined ? undefined : JSON.parse(answer.text);
    } catch {
      values = undefined;
    }
    if (!Array.isArray(values) || values.length !== items.length) {
      // Not a batch answer (a subgraph that does not take batches, or one refusing the request as a whole): each
      // operation on its own, so each gets the answer it would have had.
      await Promise.all(items.map((item) => sendOne(queue, item)));
      return;
    }
    // Each element is a complete GraphQL answer: one operation's errors (say, a variable its scalar refused) travel in
    // its own element, so none takes on the status of the request as a whole.
    items.forEach((item, i) => item.resolve({ status: 200, headers: answer.headers, value: values[i] }));
  }

  function flush() {
    const all = [...queues.values()];
    queues.clear();
    for (const queue of all) {
      for (const run of chunks(queue.items, maxBytes)) {
        if (run.length === 1) void sendOne(queue, run[0]!);
        else void sendBatch(queue, run);
      }
    }
  }

  return {
    fetch(key, url, headers, body) {
      return new Promise<SubgraphAnswer>((resolve, reject) => {
        let queue = queues.get(key);
        if (!queue) {
          if (queues.size === 0) setImmediate(flush);
          queue = { url, headers, items: [] };
          queues.set(key, queue);
        }
        queue.items.push({ body, resolve, reject });
      });
    },
    stats,
  };
}
