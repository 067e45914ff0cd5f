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
import { refuseOversizedBody, type Fetcher } from './subgraph-fetch.js';

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

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<RouterContext>['willSendRequest']>>[0]) {
    // The router's fetcher checks the body it sends (subgraph-fetch.ts), without serializing it a second time.
    if (!this.#target.fetcher) {
      const { query, variables, operationName } = request;
      refuseOversizedBody(this.#target.name, JSON.stringify({ query, variables, operationName }));
    }
    // Health checks and internal requests run without a router context; they carry no caller credentials.
    const { credentials = {}, requestId, clientAddress } = context as Partial<RouterContext>;
    for (const [name, value] of Object.entries(credentials)) request.http?.headers.set(name, value);
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    if (clientAddress) request.http?.headers.set(CLIENT_ADDRESS_HEADER, clientAddress);
    // W3C trace context of the gateway's fetch span, so the subgraph's spans join the operation's trace whichever
    // fetcher sends the request (nothing while tracing is off).
    for (const [name, value] of Object.entries(traceContextHeaders())) request.http?.headers.set(name, value);
    // Last, so nothing forwarded can stand in for it.
    const service = await this.#target.credentials?.headersFor(this.#target.name);
    for (const [name, value] of Object.entries(service ?? {})) request.http?.headers.set(name, value);
  }

  /** A GraphQL body answered with a non-2xx status is a response like any other (see GraphQLAnswer). */
  override async process(options: Parameters<DataSource['process']>[0]): Promise<SubgraphResponse> {
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
 * The gateway over the supergraph's subgraphs, shaping answers with result-shaping.ts. Its anonymous usage metrics to Apollo can only be turned off through
 * the environment (APOLLO_TELEMETRY_DISABLED, read when the gateway is built), so the entry points set it.
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
