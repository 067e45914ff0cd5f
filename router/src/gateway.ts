/**
 * The federation gateway: @apollo/gateway executing query plans over the subgraphs named in the supergraph, with the
 * caller's credentials forwarded so every subgraph verifies them itself, and the router's own service credential so
 * the subgraph knows the request comes from the router.
 */
import type { Supergraph } from '@apollo/federation-internals';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { serviceUnavailable } from '@bloomzy/shared/errors';
import { CLIENT_ADDRESS_HEADER } from '@bloomzy/shared/http/client-address';
import { REQUEST_ID_HEADER } from '@bloomzy/shared/http/request-log';
import type { Logger } from '@bloomzy/shared/logger';
import { traceContextHeaders, untracedHeaders } from '@bloomzy/shared/telemetry/propagation';
import type { OperationCost } from './cost/plugin.js';
import { measureFetches } from './metrics/measure-fetches.js';
import type { ClientIdentity } from './rate-limits/index.js';
import { useFastResultShaping } from './result-shaping.js';
import { AnswerResponse, parsedBody } from './subgraph-answer.js';
import { isGraphQLResponse, isSubgraphFetcher, refuseOversizedBody, type Fetcher } from './subgraph-fetch.js';

/** The request context the router builds: what it forwards to the subgraphs. */
export interface RouterContext {
  credentials: Record<string, string>;
  /** The client request's id, so one id follows the request through every service's logs. */
  requestId?: string;
  /** Whom the operation counts against for rate limits (absent for the router's own requests). */
  client?: ClientIdentity;
  /** The client's address (fastify's `request.ip`), so subgraphs can keep per-client limits (auth: sign-in). */
  clientAddress?: string;
  /**
   * The operation's estimated cost, set by demand control (cost/plugin.ts) before the operation is planned: in Apollo
   * Server's `didResolveOperation` for plugins listed after it (a per-client cost budget), in the subscription
   * engine's `admit` for subscriptions.
   */
  cost?: OperationCost;
}

/** Headers that carry a caller's identity; nothing else from the client reaches the subgraphs. */
const FORWARDED_HEADERS = ['authorization', 'x-api-key'] as const;

export function credentialsFrom(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) out[name] = first;
  }
  return out;
}

/** Where a data source sends its requests, and what proves they come from the router. */
export interface SubgraphTarget {
  name: string;
  url: string | undefined;
  /** Signs every request with a service credential addressed to `name`; none outside production without a secret. */
  credentials: ServiceCredentials | undefined;
  /** HTTP client with the subgraph's timeout and retry (subgraph-fetch.ts); @apollo/gateway's default otherwise. */
  fetcher?: Fetcher | undefined;
}

type DataSource = RemoteGraphQLDataSource<RouterContext>;
type SubgraphResponse = Awaited<ReturnType<DataSource['process']>>;
type FetchResponse = Parameters<DataSource['errorFromResponse']>[0];

/**
 * As RemoteGraphQLDataSource honours a subgraph's Cache-Control (its default): the operation's cache policy is
 * restricted by the subgraph's max-age and scope.
 */
function restrictCachePolicy(options: Parameters<DataSource['process']>[0], header: string | undefined) {
  if (!('incomingRequestContext' in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy as
    { restrict?: (hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }) => void } | undefined;
  if (!policy?.restrict) return;
  const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: 0 };
  for (const part of header?.trim().split(/\s*,\s*/) ?? []) {
    const [name, value] = part.split(/\s*=\s*/, 2);
    const unquoted = value?.replace(/^"|"$/g, '');
    if (name === 'max-age' && unquoted && /^[0-9]+$/.test(unquoted)) hint.maxAge = Number(unquoted);
    else if (name === 'private' && value === undefined) hint.scope = 'PRIVATE';
    else if (name === 'public' && value === undefined) hint.scope = 'PUBLIC';
  }
  policy.restrict(hint);
}

/**
 * A subgraph's GraphQL answer that came with a non-2xx status (Apollo Server answers 400 for a variable its scalar
 * refuses, e.g. a malformed DateTime): thrown by errorFromResponse, caught by process, which hands the body on as
 * an ordinary response so the client sees the subgraph's own errors.
 */
class GraphQLAnswer extends GraphQLError {
  constructor(readonly body: SubgraphResponse) {
    super('GraphQL response with a non-2xx status');
  }
}

const isGraphQLBody = (body: unknown): body is SubgraphResponse =>
  typeof body === 'object' &&
  body !== null &&
  Array.isArray((body as { errors?: unknown }).errors) &&
  (body as { errors: unknown[] }).errors.length > 0;

export class ForwardingDataSource extends RemoteGraphQLDataSource<RouterContext> {
  readonly #target: SubgraphTarget;

  constructor(target: SubgraphTarget) {
    super({ url: target.url, ...(target.fetcher ? { fetcher: target.fetcher } : {}) });
    this.#target = target;
  }

  /** The router's own headers for a fetch: the caller's credentials and request id, then the service credential. */
  async #identify(context: Partial<RouterContext>, set: (name: string, value: string) => void) {
    // Health checks and internal requests run without a router context; they carry no caller credentials.
    const { credentials = {}, requestId, clientAddress } = context;
    for (const [name, value] of Object.entries(credentials)) set(name, value);
    if (requestId) set(REQUEST_ID_HEADER, requestId);
    if (clientAddress) set(CLIENT_ADDRESS_HEADER, clientAddress);
    // Last, so nothing forwarded can stand in for it.
    const service = await this.#target.credentials?.headersFor(this.#target.name);
    for (const [name, value] of Object.entries(service ?? {})) set(name, value);
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<RouterContext>['willSendRequest']>>[0]) {
    // The router's fetcher checks the body it sends (subgraph-fetch.ts), without serializing it a second time.
    if (!this.#target.fetcher) {
      const { query, variables, operationName } = request;
      refuseOversizedBody(this.#target.name, JSON.stringify({ query, variables, operationName }));
    }
    const headers = request.http?.headers;
    if (!headers) return;
    // W3C trace context of the gateway's fetch span, so the subgraph's spans join the operation's trace with any
    // fetcher (nothing while tracing is off); the router's own fetcher is traced by the undici instrumentation.
    for (const [name, value] of Object.entries(traceContextHeaders())) headers.set(name, value);
    await this.#identify(context as Partial<RouterContext>, (name, value) => headers.set(name, value));
  }

  /**
   * With the router's fetcher: the request built and the answer read directly, as RemoteGraphQLDataSource would
   * (same body, headers, errors and cache policy), without its per-fetch WHATWG Headers, Request and Response objects
   * — a few percent of the router's time under load, and garbage for every fetch. Other fetchers take the
   * RemoteGraphQLDataSource path.
   */
  override async process(options: Parameters<DataSource['process']>[0]): Promise<SubgraphResponse> {
    const fetcher = this.#target.fetcher;
    if (!isSubgraphFetcher(fetcher)) return this.#processRemote(options);
    const { request } = options;
    const headers: Record<string, string> = {};
    // Headers the caller put on the request (subscriptions: the subscriber's credentials, datasources.ts).
    for (const [name, value] of request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    await this.#identify(options.context as Partial<RouterContext>, (name, value) => {
      headers[name.toLowerCase()] = value;
    });
    if (!request.query) throw new Error('Missing query');
    const { query, http: _http, ...rest } = request;
    const answer = await fetcher.exchange(this.url, 'POST', headers, JSON.stringify({ query, ...rest }));
    if (answer.status < 200 || answer.status >= 300) {
      const error = await this.errorFromResponse(new AnswerResponse(answer));
      if (error instanceof GraphQLAnswer) return error.body;
      throw error;
    }
    const contentType = answer.headers['content-type'];
    const body = isGraphQLResponse(contentType ?? null) ? parsedBody(answer) : answer.text;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    }
    restrictCachePolicy(options, answer.headers['cache-control']);
    return body as SubgraphResponse;
  }

  /** RemoteGraphQLDataSource's path, for a fetcher other than the router's. */
  async #processRemote(options: Parameters<DataSource['process']>[0]): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLAnswer) return error.body;
      throw error;
    }
  }

  /**
   * A non-2xx answer: its GraphQL errors when it carries some (they keep their code and message), a retryable
   * SERVICE_UNAVAILABLE for a bare 5xx, else (a 4xx without errors: the router's own bug) an error that names the
   * subgraph and status but not its URL or body, which are internal (Apollo's default puts both in
   * `extensions.response`).
   */
  override async errorFromResponse(response: FetchResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    if (isGraphQLBody(body)) return new GraphQLAnswer({ ...body, http: response });
    // A 5xx without a GraphQL body is the subgraph (or a proxy before it) failing: retryable, as when it is down.
    if (response.status >= 500)
      return serviceUnavailable(`The ${this.#target.name} service is unavailable (HTTP ${response.status})`, {
        subgraph: this.#target.name,
      });
    return new GraphQLError(`The ${this.#target.name} subgraph answered HTTP ${response.status}`, {
      extensions: { subgraph: this.#target.name, status: response.status },
    });
  }
}

export interface SubgraphInfo {
  name: string;
  url: string;
}

/** Subgraph names and URLs from the supergraph, with overrides applied. */
export function subgraphsOf(supergraph: Supergraph, overrides: Record<string, string>): SubgraphInfo[] {
  return supergraph
    .subgraphs()
    .values()
    .map((s) => ({ name: s.name, url: overrides[s.name.toLowerCase()] ?? s.url }));
}

/**
 * The gateway over the supergraph's subgraphs, shaping answers with result-shaping.ts. Its anonymous usage metrics to
 * Apollo can only be turned off through the environment (APOLLO_TELEMETRY_DISABLED, read when the gateway is built),
 * so the entry points set it.
 */
export function createGateway(
  supergraphSdl: string,
  overrides: Record<string, string>,
  logger: Logger,
  credentials: ServiceCredentials | undefined,
  fetcherFor?: (subgraph: string) => Fetcher,
  queryPlanCacheMiB?: number,
): ApolloGateway {
  useFastResultShaping();
  return new ApolloGateway({
    supergraphSdl,
    logger,
    ...(queryPlanCacheMiB ? { experimental_approximateQueryPlanStoreMiB: queryPlanCacheMiB } : {}),
    buildService: ({ name, url }) =>
      measureFetches(
        new ForwardingDataSource({
          name,
          url: overrides[name.toLowerCase()] ?? url,
          credentials,
          fetcher: fetcherFor?.(name),
        }),
        name,
      ),
  });
}

/**
 * Ready when every subgraph answers a trivial query (it works for any federation subgraph, not only ours), signed as
 * every other request: a router whose secret the subgraphs do not share is not ready.
 */
export async function subgraphsAnswer(
  subgraphs: SubgraphInfo[],
  credentials: ServiceCredentials | undefined,
  timeoutMs = 2_000,
): Promise<boolean> {
  const results = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          // Probes come every few seconds: the subgraph is asked not to trace them.
          headers: {
            'content-type': 'application/json',
            ...untracedHeaders(),
            ...(await credentials?.headersFor(name)),
          },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        return res.ok;
      } catch {
        return false;
      }
    }),
  );
  return results.every(Boolean);
}
