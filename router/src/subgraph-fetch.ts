/**
 * How the router reaches a subgraph over HTTP: one keep-alive connection pool (undici) for every subgraph, a timeout
 * per subgraph, one retry of a query when the connection failed, and a subgraph that cannot be reached reported as a
 * retryable SERVICE_UNAVAILABLE naming the subgraph, so the gateway leaves that subgraph's fields null and answers the
 * rest (a bare network error would become INTERNAL_SERVER_ERROR and, for a non-null field, null out its parent).
 *
 * Passed to each data source as its `fetcher`; @apollo/gateway's default (make-fetch-happen) was about a quarter of
 * the router's busy time under load.
 */
import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request } from 'undici';
import { serviceUnavailable } from '@bloomzy/shared/errors';
import type { Logger } from '@bloomzy/shared/logger';

export type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphFetchOptions {
  /** Most time one subgraph fetch may take, its retry and the response body included, by subgraph name. */
  timeoutMs: (subgraph: string) => number;
  logger: Logger;
  /** Pause before the retry, so a subgraph that is restarting has a moment to listen again. */
  retryDelayMs?: number;
}

export interface SubgraphFetch {
  /** The fetcher of one subgraph's data source; its errors name `subgraph`, never its URL. */
  fetcherFor(subgraph: string): Fetcher;
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

const errorCode = (error: unknown): string | undefined => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code;
  }
  return undefined;
};

const isGraphQLResponse = (contentType: string | null) =>
  !!contentType && /^application\/(?:graphql-response\+)?json/.test(contentType);

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
 * The headers without W3C trace context: when tracing is on, the undici instrumentation adds the context of its own
 * client span (a child of the gateway's fetch span) to every request, and a second `traceparent` beside the one the
 * data source set would make the pair invalid, so the subgraph would start a trace of its own.
 */
function withoutTraceContext(headers: NonNullable<Parameters<Fetcher>[1]>['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Iterable<[string, string]> =
    headers instanceof Headers
      ? headers.entries()
      : Array.isArray(headers)
        ? (headers as [string, string][])
        : Object.entries((headers ?? {}) as Record<string, string>);
  for (const [name, value] of entries) if (!TRACE_CONTEXT_HEADERS.has(name.toLowerCase())) out[name] = value;
  return out;
}

export function createSubgraphFetch(options: SubgraphFetchOptions): SubgraphFetch {
  const agent = new Agent({ keepAliveTimeout: 4_000 });
  const retryDelayMs = options.retryDelayMs ?? 100;

  /** One attempt; the whole body is read under the deadline, so a subgraph that stalls mid-answer times out too. */
  async function attempt(url: string, init: Parameters<Fetcher>[1], signal: AbortSignal): Promise<Response> {
    let answer;
    let text;
    try {
      answer = await request(url, {
        dispatcher: agent,
        method: (init?.method ?? 'POST') as 'POST',
        headers: withoutTraceContext(init?.headers),
        body: init?.body ?? null,
        signal,
      });
      // A connection lost halfway through the answer is as much an outage as one refused.
      text = await answer.body.text();
    } catch (error) {
      if (signal.aborted) throw error;
      const code = errorCode(error);
      // The client sees the reason; an unknown error's message may name the URL, so it goes to the log only.
      throw new Unavailable(code ?? 'unreachable', code !== undefined && CONNECTION_FAILURES.has(code), error);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) headers.append(name, one);
    }
    if (GATEWAY_STATUSES.has(answer.statusCode) && !isGraphQLResponse(headers.get('content-type'))) {
      throw new Unavailable(`HTTP ${answer.statusCode}`, true);
    }
    // Built without the URL, so nothing downstream (error extensions included) can show a client where it lives.
    return new Response(text === '' ? null : text, {
      status: answer.statusCode,
      statusText: STATUS_CODES[answer.statusCode] ?? '',
      headers,
    });
  }

  return {
    fetcherFor(subgraph) {
      const unavailable = (why: string) =>
        serviceUnavailable(`The ${subgraph} service is unavailable (${why})`, { subgraph });
      return async (url, init) => {
        const timeoutMs = options.timeoutMs(subgraph);
        const deadline = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([deadline, init.signal as AbortSignal]) : deadline;
        const retry = isQueryBody(init?.body);
        for (let tries = 1; ; tries++) {
          try {
            return await attempt(url, init, signal);
          } catch (error) {
            if (deadline.aborted) {
              options.logger.warn('subgraph timed out', { subgraph, url, timeoutMs });
              throw unavailable(`no answer within ${timeoutMs} ms`);
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
            if (!retry || !error.retryable || tries > 1) throw unavailable(error.reason);
            await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
          }
        }
      };
    },
    close: () => agent.close(),
  };
}
