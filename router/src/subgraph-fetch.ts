/**
 * How the router reaches a subgraph over HTTP: one keep-alive connection pool (undici) for every subgraph, a timeout
 * per subgraph, one retry of a query when the connection failed, and a subgraph that cannot be reached reported as a
 * retryable SERVICE_UNAVAILABLE naming the subgraph, so the gateway leaves that subgraph's fields null and answers the
 * rest (a bare network error would become INTERNAL_SERVER_ERROR and, for a non-null field, null out its parent).
 *
 * Passed to each data source as its `fetcher`; @apollo/gateway's default (make-fetch-happen) was about a quarter of
 * the router's busy time under load.
 */
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request } from 'undici';
import { operationLimitExceeded, serviceUnavailable } from '@bloomzy/shared/errors';
import { MAX_BODY_BYTES } from '@bloomzy/shared/http/request-limits';
import { REQUEST_ID_HEADER } from '@bloomzy/shared/http/request-log';
import type { Logger } from '@bloomzy/shared/logger';
import { createBatcher } from './fetch-batching.js';
import { inFlight } from './fetch-dedup.js';
import { countSharedFetch } from './metrics/router-metrics.js';
import { AnswerResponse, type SubgraphAnswer } from './subgraph-answer.js';

export type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphFetchOptions {
  /** Most time one subgraph fetch may take, its retry and the response body included, by subgraph name. */
  timeoutMs: (subgraph: string) => number;
  logger: Logger;
  /** Pause before the retry, so a subgraph that is restarting has a moment to listen again. */
  retryDelayMs?: number;
  /** Share the answer of an identical query fetch (same subgraph, body and credentials) under way (default on). */
  dedupe?: boolean;
  /** Send query fetches to one subgraph that start together as one batched request (fetch-batching.ts). */
  batch?: boolean;
}

/**
 * One request to a subgraph and its answer as received, for a data source that builds the request itself (gateway.ts):
 * the same path as the fetcher's without a WHATWG-style response around it. `headers` have lower-case names.
 */
type Exchange = (
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal?: AbortSignal,
) => Promise<SubgraphAnswer>;

/** The router's fetcher for one subgraph: usable as any data source's `fetcher`, and carrying its `exchange`. */
export type SubgraphFetcher = Fetcher & { exchange: Exchange };

export const isSubgraphFetcher = (fetcher: Fetcher | undefined): fetcher is SubgraphFetcher =>
  typeof (fetcher as Partial<SubgraphFetcher> | undefined)?.exchange === 'function';

export interface SubgraphFetch {
  /** The fetcher of one subgraph's data source; its errors name `subgraph`, never its URL. */
  fetcherFor(subgraph: string): SubgraphFetcher;
  /** Closes the pooled connections (router shutdown). */
  close(): Promise<void>;
}

/**
 * Connection failures where the request cannot have run: a retry is safe for a query. A reset or closed socket may
 * have happened after the subgraph started work, which is why only queries are retried — never a mutation, whose
 * second run would write twice (subscriptions do not come through here: they run over graphql-ws).
 */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A proxy or load balancer in front of a subgraph answers these when the subgraph behind it is not there. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * Whether a request body is a query. The body is RemoteGraphQLDataSource's `JSON.stringify({ query, ... })` of an
 * operation the query planner wrote, which starts with `query` or `{` for queries; anything else is not retried.
 */
export const isQueryBody = (body: unknown): boolean =>
  typeof body === 'string' && /^\{"query":"(?:query\b|\{)/.test(body);

/**
 * Refuses (OPERATION_LIMIT_EXCEEDED, nothing sent) a request the subgraph would refuse as too large: the query plan may
 * expand the client's fragments well past the document the router's own limits checked. `body` is the JSON to send.
 */
export function refuseOversizedBody(subgraph: string, body: string): void {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only a body near the limit needs counting.
  if (body.length * 3 <= MAX_BODY_BYTES) return;
  const bytes = Buffer.byteLength(body);
  if (bytes <= MAX_BODY_BYTES) return;
  throw operationLimitExceeded(
    'SUBGRAPH_BODY_BYTES',
    MAX_BODY_BYTES,
    `Operation refused: the request it needs from the ${subgraph} subgraph would be ${bytes} bytes, above the limit of ${MAX_BODY_BYTES}; ask for fewer fields`,
  );
}

const errorCode = (error: unknown): string | undefined => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code;
  }
  return undefined;
};

/** Whether a content type is a GraphQL answer's (JSON or application/graphql-response+json). */
export const isGraphQLResponse = (contentType: string | null) =>
  !!contentType && /^application\/(?:graphql-response\+)?json/.test(contentType);

/** A failed attempt: whether a query may try again, and the reason the client is told. */
class Unavailable extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    cause?: unknown,
  ) {
    super(reason, { cause });
  }
}

const TRACE_CONTEXT_HEADERS = new Set(['traceparent', 'tracestate', 'baggage']);

/**
 * The headers as a plain object with lower-case names, without W3C trace context: when tracing is on, the undici
 * instrumentation adds the context of its own client span (a child of the gateway's fetch span) to every request, and
 * a second `traceparent` beside the one the data source set would make the pair invalid, so the subgraph would start a
 * trace of its own.
 */
function plainHeaders(headers: NonNullable<Parameters<Fetcher>[1]>['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Iterable<[string, string]> =
    headers instanceof Headers
      ? headers.entries()
      : Array.isArray(headers)
        ? (headers as [string, string][])
        : Object.entries((headers ?? {}) as Record<string, string>);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (!TRACE_CONTEXT_HEADERS.has(lower)) out[lower] = value;
  }
  return out;
}

/**
 * What makes two fetches interchangeable besides URL and body: every header but the ones that only label a request
 * (its id, trace context), so the caller's credentials, the router's service credential and the client's address all
 * count. A shared request carries the id (and trace context) of the fetch that started it.
 */
const IDENTITY_IGNORES = new Set([REQUEST_ID_HEADER, 'content-length']);
function identityOf(headers: Record<string, string>): string {
  let key = '';
  for (const name of Object.keys(headers).sort()) if (!IDENTITY_IGNORES.has(name)) key += `${name}:${headers[name]}\n`;
  return key;
}

/** Whether a failed attempt may be retried, and what the client is told. */
class Unreachable extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    cause?: unknown,
  ) {
    super(reason, { cause });
  }
}

class TimedOut extends Error {}

export function createSubgraphFetch(options: SubgraphFetchOptions): SubgraphFetch {
  // Idle connections close after 4 s, also when a subgraph's Keep-Alive header offers longer (undici would follow it):
  // subgraphs keep theirs open for 65 s (shared/src/http/http-service.ts), so the router always closes first and
  // never sends on a connection the subgraph is closing.
  const agent = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 });
  const retryDelayMs = options.retryDelayMs ?? 100;
  const dedupe = options.dedupe ?? true;
  const shared = inFlight<SubgraphAnswer>();

  /** One attempt; the whole body is read under the deadline, so a subgraph that stalls mid-answer times out too. */
  async function attempt(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    signal: AbortSignal,
  ): Promise<SubgraphAnswer> {
    let answer;
    let text;
    try {
      answer = await request(url, { dispatcher: agent, method: method as 'POST', headers, body: body ?? null, signal });
      // A connection lost halfway through the answer is as much an outage as one refused.
      text = await answer.body.text();
    } catch (error) {
      if (signal.aborted) throw error;
      const code = errorCode(error);
      // The client sees the reason; an unknown error's message may name the URL, so it goes to the log only.
      throw new Unavailable(code ?? 'unreachable', code !== undefined && CONNECTION_FAILURES.has(code), error);
    }
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (GATEWAY_STATUSES.has(answer.statusCode) && !isGraphQLResponse(out['content-type'] ?? null)) {
      throw new Unavailable(`HTTP ${answer.statusCode}`, true);
    }
    return { status: answer.statusCode, headers: out, text };
  }

  return {
    fetcherFor(subgraph) {
      const unavailable = (why: string) =>
        serviceUnavailable(`The ${subgraph} service is unavailable (${why})`, { subgraph });

      /** One request with the subgraph's deadline and, for a query, one retry when the connection failed. */
      async function send(
        url: string,
        method: string,
        headers: Record<string, string>,
        body: string | Buffer | undefined,
        clientSignal?: AbortSignal,
      ): Promise<SubgraphAnswer> {
        const timeoutMs = options.timeoutMs(subgraph);
        const deadline = AbortSignal.timeout(timeoutMs);
        const signal = clientSignal ? AbortSignal.any([deadline, clientSignal]) : deadline;
        const retry = isQueryBody(body) || (typeof body === 'string' && body.startsWith('['));
        for (let tries = 1; ; tries++) {
          try {
            return await attempt(url, method, headers, body, signal);
          } catch (error) {
            if (deadline.aborted) {
              options.logger.warn('subgraph timed out', { subgraph, url, timeoutMs });
              throw new TimedOut(`no answer within ${timeoutMs} ms`);
            }
            if (!(error instanceof Unavailable)) throw error; // the client went away: nothing to report
            options.logger.warn('subgraph unreachable', {
              subgraph,
              url,
              reason: error.reason,
              error: error.cause,
              tries,
              retry,
            });
            if (!retry || !error.retryable || tries > 1) throw new Unreachable(error.reason, false);
            await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
          }
        }
      }

      const joined = () => countSharedFetch(subgraph);
      const batcher = options.batch
        ? createBatcher((url, headers, body) => send(url, 'POST', headers, body), MAX_BODY_BYTES)
        : undefined;

      const exchange: Exchange = async (url, method, headers, body, signal) => {
        if (typeof body === 'string') refuseOversizedBody(subgraph, body);
        try {
          // Mutations (and anything not a planner-written query) go alone and are never shared.
          if (method !== 'POST' || !isQueryBody(body)) return await send(url, method, headers, body, signal);
          const key = `${url}\n${identityOf(headers)}`;
          const start = () =>
            batcher ? batcher.fetch(key, url, headers, body as string) : send(url, method, headers, body);
          return dedupe ? await shared.run(`${key}\n${body as string}`, start, joined) : await start();
        } catch (error) {
          // Each fetch gets an error of its own, also when the request was shared.
          if (error instanceof TimedOut || error instanceof Unreachable) throw unavailable(error.message);
          throw error;
        }
      };
      const fetcher: Fetcher = async (url, init) => {
        const body = init?.body;
        const answer = await exchange(
          url,
          init?.method ?? 'POST',
          plainHeaders(init?.headers),
          body as string | undefined,
          init?.signal as AbortSignal | undefined,
        );
        return new AnswerResponse(answer);
      };
      return Object.assign(fetcher, { exchange });
    },
    close: () => agent.close(),
  };
}
