/**
 * Entity fetches of subscription events that arrive together, sent as one `_entities` request per subgraph.
 *
 * A reminder falling due for many subscriptions at once brings their events within milliseconds, and each event's
 * plan fetches its entities (`rest`) on its own. Fetches with the same operation, the same other variables and the
 * same batch key (the subscriber's credentials: a subgraph authorises a request as one caller, so only fetches of the
 * same caller may share one) that start within `windowMs` are merged: their representations concatenated (identical
 * ones sent once), one request, and each caller gets its slice of `_entities` and the errors whose path points into
 * it (errors without such a path go to every caller). Other operations pass straight through.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';

type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];
type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

interface Waiting {
  readonly options: ProcessOptions;
  readonly representations: readonly unknown[];
  resolve(response: Response): void;
  reject(error: unknown): void;
}

/** `source`, batching per key: `forKey(key)` is the data source for fetches that may share a request. */
export function batchEntityFetches(source: GraphQLDataSource, windowMs: number): (key: string) => GraphQLDataSource {
  const batches = new Map<string, Waiting[]>();

  async function flush(batchKey: string): Promise<void> {
    const waiting = batches.get(batchKey) ?? [];
    batches.delete(batchKey);
    const first = waiting[0];
    if (!first) return;
    if (waiting.length === 1) {
      source.process(first.options).then(first.resolve, first.reject);
      return;
    }
    const unique: unknown[] = [];
    const indexOf = new Map<string, number>();
    const slots = waiting.map((entry) =>
      entry.representations.map((representation) => {
        const json = JSON.stringify(representation);
        let index = indexOf.get(json);
        if (index === undefined) indexOf.set(json, (index = unique.push(representation) - 1));
        return index;
      }),
    );
    const { request } = first.options;
    try {
      const response = await source.process({
        ...first.options,
        request: { ...request, variables: { ...request.variables, representations: unique } },
      });
      waiting.forEach((entry, i) => entry.resolve(sliceFor(response, slots[i] ?? [])));
    } catch (error) {
      for (const entry of waiting) entry.reject(error);
    }
  }

  return (key) => ({
    process(options) {
      const { query, variables } = options.request;
      const representations = variables?.representations;
      if (!query || !Array.isArray(representations) || !query.includes('_entities')) return source.process(options);
      const { representations: _, ...others } = variables ?? {};
      const batchKey = `${key}\n${query}\n${JSON.stringify(others)}`;
      return new Promise<Response>((resolve, reject) => {
        let waiting = batches.get(batchKey);
        if (!waiting) {
          batches.set(batchKey, (waiting = []));
          if (windowMs > 0) setTimeout(() => void flush(batchKey), windowMs);
          else setImmediate(() => void flush(batchKey));
        }
        waiting.push({ options, representations, resolve, reject });
      });
    },
  });
}

/** One caller's share of a merged response: its entities in its order, and the errors about them. */
function sliceFor(response: Response, slots: readonly number[]): Response {
  const entities = (response.data as { _entities?: unknown[] } | null | undefined)?._entities;
  const position = new Map<number, number[]>();
  slots.forEach((slot, i) => position.set(slot, [...(position.get(slot) ?? []), i]));
  const errors: GraphQLFormattedError[] = [];
  for (const error of response.errors ?? []) {
    const [root, index, ...rest] = error.path ?? [];
    if (root !== '_entities' || typeof index !== 'number') {
      errors.push(error);
      continue;
    }
    for (const mine of position.get(index) ?? []) errors.push({ ...error, path: ['_entities', mine, ...rest] });
  }
  const { errors: _all, ...rest } = response;
  return {
    ...rest,
    data: Array.isArray(entities) ? { ...response.data, _entities: slots.map((slot) => entities[slot] ?? null) } : null,
    ...(errors.length ? { errors } : {}),
  };
}
