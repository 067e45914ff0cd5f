/**
 * Federated subscriptions for a router built on @apollo/gateway (which refuses to execute subscriptions).
 *
 * A client subscription is validated against the API schema and planned by the federation query planner. The plan's
 * `primary` fetch is subscribed to on the owning subgraph over graphql-ws, multiplexed over a few sockets per
 * subgraph (multiplexer.ts: the subscriber's identity travels in each subscribe message's extensions); for every event
 * the rest of the plan (entity fetches over HTTP, coalesced across events arriving together: entity-batch.ts) runs
 * through the gateway's own executor and the result is shaped like a query response (see execute-event.ts).
 *
 * Wire `serverOptions` into graphql-ws' `useServer` next to the router's own `onConnect`; test-router.ts shows the
 * whole wiring next to an Apollo Server + @apollo/gateway HTTP endpoint on the same node:http server.
 */
import type { GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import type {
  DocumentNode,
  ExecutionArgs,
  ExecutionResult,
  FormattedExecutionResult,
  GraphQLSchema,
  ValidationRule,
} from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { consumeMessage, isTracing, produceMessage } from '@bloomzy/shared/telemetry/propagation';
import { useFastResultShaping } from '../result-shaping.js';
import { defaultDataSource, withHeaders, type BuildDataSource } from './datasources.js';
import { batchEntityFetches } from './entity-batch.js';
import { directShaping, executeEvent, shapeEventDirectly, type GatewayContext, type Logger } from './execute-event.js';
import { GraphQLError } from './graphql.js';
import { UpstreamPool } from './multiplexer.js';
import { SubscriptionStream } from './stream.js';
import { SupergraphState, asGraphQLError, type PlannedSubscription } from './supergraph.js';

interface SubgraphEndpoint {
  readonly name: string;
  /** HTTP URL of the subgraph's GraphQL endpoint; its graphql-ws endpoint is assumed at the same path. */
  readonly url: string;
}

/** One GraphQL operation with the router's per-operation context (built by `options.context`). */
export interface OperationRequest<TContext> {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
  readonly context: TContext;
}

/** What `admit` decides about a subscription before it is planned. */
export interface Admission {
  /** Refuses the subscription: the client gets them as its only result, no subgraph is contacted. */
  readonly errors?: readonly GraphQLError[];
  /** Added to the refusal, or to the result of every event of an admitted subscription. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface FederatedSubscriptionsOptions<TContext extends GatewayContext, TWsContext extends Context = Context> {
  supergraphSdl: string;
  /** Overrides the URLs recorded in the supergraph (join__graph url); subgraphs not listed keep those. */
  subgraphs?: readonly SubgraphEndpoint[];
  /** graphql-ws URL of a subgraph; default: the HTTP URL with http(s) replaced by ws(s). */
  wsUrlFor?: (name: string, httpUrl: string) => string;
  /** Data source for the HTTP entity fetches; default RemoteGraphQLDataSource. Built once per subgraph and URL. */
  buildDataSource?: BuildDataSource;
  /**
   * Per-operation context from the graphql-ws connection context — typically what the router's `onConnect`
   * verified (e.g. `{ authorization: ctx.connectionParams.authorization }`). It is handed to the hooks below and, as
   * `context`, to the data sources (so a custom `willSendRequest` sees it too).
   */
  context: (ctx: TWsContext, id: string, payload: SubscribePayload) => TContext | Promise<TContext>;
  /**
   * `extensions` of the upstream subscribe message of this subscriber's subscription to `subgraph` (who it is for:
   * e.g. an identity the router signs, which the subgraph verifies per subscription). Called again at every
   * resubscribe after an upstream reconnect.
   */
  upstreamExtensions?: (
    context: TContext,
    subgraph: string,
  ) => Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>;
  /**
   * Headers on the WebSocket upgrade request of an upstream connection to `subgraph` (e.g. the router's own service
   * credential, which the subgraph checks before it upgrades). Called at every connection attempt.
   */
  upstreamHeaders?: (subgraph: string) => Record<string, string> | Promise<Record<string, string>>;
  /** Headers added to every HTTP entity fetch made while resolving this subscriber's events. */
  headersFor?: (context: TContext) => Record<string, string>;
  /**
   * Runs before a subscription is planned (graphql-ws has validated it), e.g. demand control: errors refuse it.
   * Queries and mutations are the `executeOperation` hook's to admit.
   */
  admit?: (request: OperationRequest<TContext>) => Admission | undefined | Promise<Admission | undefined>;
  /** Serves queries and mutations sent over the WebSocket (e.g. via the gateway); without it they are rejected. */
  executeOperation?: (request: OperationRequest<TContext>) => Promise<ExecutionResult | FormattedExecutionResult>;
  /** Validation rules run with graphql's own on every operation of the socket (e.g. the router's operation limits). */
  validationRules?: readonly ValidationRule[];
  /** Validation and variable coercion stop after this many errors (and add one saying so); graphql's default 100. */
  maxErrors?: number;
  /** graphql-ws ping interval towards subgraphs, also the pong deadline; default 12 s, 0 disables. */
  upstreamKeepAliveMs?: number;
  /** Deadline for a subgraph to acknowledge the upstream connection; default 10 s, 0 waits forever. */
  upstreamAckTimeoutMs?: number;
  /** graphql-ws sockets per subgraph that carry all subscriptions to it; default 2. */
  upstreamConnections?: number;
  /** Consecutive failed reconnects of an upstream socket before its subscriptions end with an error; default 2. */
  upstreamReconnectAttempts?: number;
  /** Wait before reconnecting a lost upstream socket, times the attempt number; default 500 ms. */
  upstreamReconnectDelayMs?: number;
  /** How long entity fetches of events wait for others to share one request with; default 2 ms, 0: same tick. */
  entityBatchWindowMs?: number;
  logger?: Logger;
}

/** The graphql-ws `ServerOptions` this module provides; spread it into `useServer({ ...serverOptions, onConnect })`. */
interface GraphQLWsServerOptions<TWsContext extends Context> {
  /** Current API schema; graphql-ws validates incoming operations against it. */
  schema: () => GraphQLSchema;
  /** graphql-ws' validation: graphql's rules and `options.validationRules`. */
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
  context: (ctx: TWsContext, id: string, payload: SubscribePayload) => Promise<GatewayContext>;
  subscribe: (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  execute: (args: ExecutionArgs) => Promise<ExecutionResult>;
}

export interface FederatedSubscriptions<TContext, TWsContext extends Context> {
  readonly serverOptions: GraphQLWsServerOptions<TWsContext>;
  /** Validates, plans and starts one subscription; errors come back as a single result, never as a throw. */
  subscribe(request: OperationRequest<TContext>): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  /** Queries/mutations: delegated to `options.executeOperation`, else rejected with a GraphQL error. */
  execute(request: OperationRequest<TContext>): Promise<ExecutionResult>;
  /** API schema of the current supergraph. */
  readonly schema: GraphQLSchema;
  /** Number of client subscriptions currently holding an upstream subscription. */
  readonly activeSubscriptions: number;
  /** Upstream graphql-ws sockets open or being opened, over all subgraphs. */
  readonly upstreamSockets: number;
  /** Swaps the supergraph for new subscriptions; running ones keep their plan until they end. Throws if invalid. */
  update(supergraphSdl: string, subgraphs?: readonly SubgraphEndpoint[]): void;
  /** Ends every running subscription (clients get a completion) and releases their upstream connections. */
  dispose(): Promise<void>;
}

export function createFederatedSubscriptions<TContext extends GatewayContext, TWsContext extends Context = Context>(
  options: FederatedSubscriptionsOptions<TContext, TWsContext>,
): FederatedSubscriptions<TContext, TWsContext> {
  // Events are shaped by executeQueryPlan like query answers: with the router's result shaping (result-shaping.ts).
  useFastResultShaping();
  const validation = {
    ...(options.validationRules ? { rules: options.validationRules } : {}),
    ...(options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors }),
  };
  let state = new SupergraphState(options.supergraphSdl, validation);
  let overrides = new Map((options.subgraphs ?? []).map(({ name, url }) => [name, url]));
  const dataSources = new Map<string, (batchKey: string) => GraphQLDataSource>();
  const pools = new Map<string, UpstreamPool>();
  let subscribers = 0;
  const active = new Set<SubscriptionStream>();
  const buildDataSource = options.buildDataSource ?? defaultDataSource;
  const wsUrlFor = options.wsUrlFor ?? ((_name: string, httpUrl: string) => httpUrl.replace(/^http/i, 'ws'));
  const logger = options.logger ?? console;
  const batchWindowMs = options.entityBatchWindowMs ?? 2;

  function poolFor(subgraph: string, url: string): UpstreamPool {
    const key = `${subgraph}\n${url}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = new UpstreamPool({
        subgraph,
        url,
        connections: options.upstreamConnections ?? 2,
        headers: async () => (await options.upstreamHeaders?.(subgraph)) ?? {},
        keepAliveMs: options.upstreamKeepAliveMs ?? 12_000,
        ackTimeoutMs: options.upstreamAckTimeoutMs ?? 10_000,
        reconnectAttempts: options.upstreamReconnectAttempts ?? 2,
        reconnectDelayMs: options.upstreamReconnectDelayMs ?? 500,
      });
      pools.set(key, pool);
    }
    return pool;
  }

  const urlOf = (name: string, planned: PlannedSubscription): string | undefined =>
    overrides.get(name) ?? planned.state.subgraphUrls.get(name);

  /** Shared data sources (connection pooling), wrapped per subscriber to carry its headers. */
  function servicesFor(planned: PlannedSubscription, context: TContext): ServiceMap {
    const services: ServiceMap = Object.create(null);
    for (const name of planned.state.subgraphUrls.keys()) {
      const url = urlOf(name, planned);
      if (!url) continue;
      const key = `${name}\n${url}`;
      let source = dataSources.get(key);
      if (!source) dataSources.set(key, (source = batchEntityFetches(buildDataSource(name, url), batchWindowMs)));
      // Only fetches with the same headers (the subscriber's credentials) may share one request; without
      // `headersFor` the context alone tells callers apart, so each subscriber batches with itself only.
      const headers = options.headersFor?.(context);
      const batchKey = headers ? JSON.stringify(Object.entries(headers).sort()) : `subscriber ${++subscribers}`;
      services[name] = withHeaders(source(batchKey), () => options.headersFor?.(context) ?? {});
    }
    return services;
  }

  async function subscribe(
    request: OperationRequest<TContext>,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    let admission: Admission | undefined;
    try {
      admission = await options.admit?.(request);
    } catch (error) {
      return { errors: [asGraphQLError(error, 'Could not admit the subscription')] };
    }
    const admitted = (result: ExecutionResult): ExecutionResult =>
      admission?.extensions ? { ...result, extensions: { ...result.extensions, ...admission.extensions } } : result;
    if (admission?.errors?.length) return admitted({ errors: admission.errors });
    const planned = state.plan(request.document, request.operationName, request.variables);
    if (!('primary' in planned)) return { errors: planned };
    const { primary } = planned;
    const httpUrl = urlOf(primary.serviceName, planned);
    if (!httpUrl) return { errors: [new GraphQLError(`No URL known for subgraph "${primary.serviceName}".`)] };

    const subgraph = primary.serviceName;
    // Built once now, so a subscriber the router cannot vouch for is refused before anything is sent upstream.
    let extensions: Record<string, unknown> | undefined;
    try {
      extensions = await options.upstreamExtensions?.(request.context, subgraph);
    } catch (error) {
      return { errors: [asGraphQLError(error, 'Could not prepare the upstream subscription')] };
    }
    // While tracing is on, the subscription starts a trace and each event is
    // executed in a trace of its own linked to it, with the entity fetches to the other subgraphs.
    const attributes = {
      'graphql.operation.name': request.operationName ?? '',
      'bloomzy.subgraph': primary.serviceName,
    };
    const { upstream, trace } = await produceMessage(
      `subscribe ${request.operationName ?? primary.serviceName}`,
      attributes,
      async (trace) => ({
        trace,
        upstream: poolFor(subgraph, wsUrlFor(subgraph, httpUrl)).subscribe({
          query: primary.operation,
          operationName: primary.operationName,
          variables: variablesFor(primary.variableUsages, planned.variables),
          // The first from above; after a reconnect a fresh one (a signed identity is short-lived).
          extensions: async () => {
            const first = extensions;
            extensions = undefined;
            return first ?? (await options.upstreamExtensions?.(request.context, subgraph));
          },
        }),
      }),
    );
    // Only events that need fetches use them: a subscription shaped directly never builds its data sources.
    let services: ServiceMap | undefined;
    const servicesNow = () => (services ??= servicesFor(planned, request.context));
    directShaping(planned);
    const stream = new SubscriptionStream(
      upstream,
      (event) => {
        // Untraced, an event the owner answered whole is shaped then and there (see execute-event.ts); traced, the
        // executor tries that itself, inside the event's span.
        const tracing = isTracing();
        const direct = tracing ? undefined : shapeEventDirectly(planned, event);
        if (direct) return admitted(direct);
        return consumeMessage('subscription event', attributes, trace, () =>
          executeEvent(planned, servicesNow(), request.context, event, logger, { direct: tracing }),
        ).then(admitted);
      },
      () => active.delete(stream),
    );
    active.add(stream);
    return stream;
  }

  async function execute(request: OperationRequest<TContext>): Promise<ExecutionResult> {
    if (!options.executeOperation) {
      return {
        errors: [
          new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.'),
        ],
      };
    }
    try {
      return toExecutionResult(await options.executeOperation(request));
    } catch (error) {
      return { errors: [asGraphQLError(error, 'Operation failed')] };
    }
  }

  // graphql-ws passes our own `context` result back as contextValue (unless a router's onSubscribe builds its own
  // ExecutionArgs, in which case it must put a TContext there), hence the assertion.
  const fromArgs = (args: ExecutionArgs): OperationRequest<TContext> => ({
    document: args.document,
    operationName: args.operationName ?? undefined,
    variables: args.variableValues ?? undefined,
    context: args.contextValue as TContext,
  });

  return {
    serverOptions: {
      schema: () => state.schema,
      // graphql-ws hands back the schema it just got from `schema()`, which is the current state's.
      validate: (_schema, document) => state.validate(document),
      context: async (ctx, id, payload) => options.context(ctx, id, payload),
      subscribe: (args) => subscribe(fromArgs(args)),
      execute: (args) => execute(fromArgs(args)),
    },
    subscribe,
    execute,
    get schema() {
      return state.schema;
    },
    get activeSubscriptions() {
      return active.size;
    },
    get upstreamSockets() {
      let sockets = 0;
      for (const pool of pools.values()) sockets += pool.sockets;
      return sockets;
    },
    update(supergraphSdl, subgraphs) {
      state = new SupergraphState(supergraphSdl, validation);
      if (subgraphs) overrides = new Map(subgraphs.map(({ name, url }) => [name, url]));
    },
    async dispose() {
      await Promise.all([...active].map((stream) => stream.return()));
      for (const pool of pools.values()) pool.dispose();
      pools.clear();
    },
  };
}

/** Same selection as executeQueryPlan: only variables the fetch uses and the client actually provided. */
function variablesFor(
  usages: readonly string[] | undefined,
  provided: Record<string, unknown>,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const name of usages ?? []) {
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  return variables;
}

/** graphql-ws serialises errors with `toJSON()`, so plain (formatted) errors, e.g. from Apollo Server, are rebuilt. */
function toExecutionResult(result: ExecutionResult | FormattedExecutionResult): ExecutionResult {
  const { errors: formatted, ...rest } = result;
  if (!formatted) return rest;
  const errors = formatted.map((error) =>
    error instanceof GraphQLError
      ? error
      : new GraphQLError(error.message, {
          ...(error.path ? { path: error.path } : {}),
          ...(error.extensions ? { extensions: error.extensions } : {}),
        }),
  );
  return { ...rest, errors };
}
