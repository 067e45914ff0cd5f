/**
 * Resolves one upstream event into a client response by reusing @apollo/gateway's plan executor.
 *
 * executeQueryPlan refuses `Subscription` plan nodes, so each event runs the synthetic plan
 * `Sequence[primary, rest]`: the owning subgraph's entry in the service map answers the primary fetch with the
 * event itself (no network), everything else — the `_entities` fetches of `rest` — goes to the real HTTP data
 * sources. The executor's post-processing (computeResponse against the API schema) then shapes the data exactly
 * like the client's selection: aliases, fragments, __typename, @skip/@include, null propagation. It works on the
 * operation's root kind, so a subscription operation is shaped against the Subscription type.
 *
 * A subscription the owning subgraph answers whole (no `rest`) skips the executor: its event is shaped directly, with
 * the selection sets prepared once per subscription rather than per event (result-shaping.ts) — what executeQueryPlan
 * would do for a single root fetch, without building the operation, plan, spans and merged copy of the data again for
 * every event. With 10 000 subscribers an event fans out to 10 000 of these. Events carrying errors still go through
 * the executor, which attributes them to the subgraph.
 */
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import type { ExecutionResult } from 'graphql';
import { prepareShaping } from '../result-shaping.js';
import { GraphQLError } from './graphql.js';
import type { PlannedSubscription } from './supergraph.js';
import { asGraphQLError } from './supergraph.js';
import type { UpstreamEvent } from './upstream.js';

type GatewayRequestContext = Parameters<typeof executeQueryPlan>[2];
export type GatewayContext = GatewayRequestContext['context'];
export type Logger = GatewayRequestContext['logger'];

/** executeQueryPlan only reads a cache for APQ-less data sources it does not use here; this satisfies the type. */
const noCache: GatewayRequestContext['cache'] = {
  get: async () => undefined,
  set: async () => {},
  delete: async () => true,
};

type Shape = ReturnType<typeof prepareShaping>;

/** Per subscription: its prepared shaping, or null when its events need the executor. */
const direct = new WeakMap<PlannedSubscription, Shape | null>();

/**
 * The subscription's prepared shaping (null: its events need the executor). Called when the client subscribes, so
 * that a burst of first events does not prepare thousands of them at once.
 */
export function directShaping(planned: PlannedSubscription): Shape | null {
  let shape = direct.get(planned);
  if (shape !== undefined) return shape;
  shape = null;
  const { primary, shapingOperation } = planned;
  // Only a single root fetch whose answer needs no rewriting is the owner's data as it stands.
  if (shapingOperation && !primary.requires && !primary.outputRewrites?.length) {
    shape = prepareShaping(shapingOperation, planned.variables);
  }
  direct.set(planned, shape);
  return shape;
}

/** A subscription selection has no introspection fields below its root, and its root allows none. */
const noIntrospection = () => null;

/** executeQueryPlan's answer for a single root fetch without errors, from the event's data. */
function shapeDirectly(shape: Shape, data: Record<string, unknown>): ExecutionResult {
  try {
    const { data: shaped, errors } = shape(data, noIntrospection);
    return errors.length ? { extensions: { valueCompletion: errors }, data: shaped } : { data: shaped };
  } catch (error) {
    const e = error as Error;
    return { errors: [e instanceof GraphQLError ? e : new GraphQLError(e.message, { originalError: e })] };
  }
}

/**
 * The event's result when the subscription's events are shaped directly and this one carries no errors; undefined
 * when it needs executeEvent.
 */
export function shapeEventDirectly(planned: PlannedSubscription, event: UpstreamEvent): ExecutionResult | undefined {
  if (event.errors?.length || !event.data || typeof event.data !== 'object') return undefined;
  const shape = directShaping(planned);
  return shape ? shapeDirectly(shape, event.data as Record<string, unknown>) : undefined;
}

export async function executeEvent(
  planned: PlannedSubscription,
  services: ServiceMap,
  context: GatewayContext,
  event: UpstreamEvent,
  logger: Logger,
  options: { direct?: boolean } = {},
): Promise<ExecutionResult> {
  const direct = options.direct === false ? undefined : shapeEventDirectly(planned, event);
  if (direct) return direct;
  const { primary, rest, state } = planned;
  const serviceMap: ServiceMap = {
    ...services,
    [primary.serviceName]: answerPrimaryWithEvent(primary, event, services[primary.serviceName]),
  };
  const plan: QueryPlan = {
    kind: 'QueryPlan',
    node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary,
  };
  try {
    // Returned as the gateway returns query results (incl. extensions.valueCompletion), for parity with HTTP.
    return await executeQueryPlan(
      plan,
      serviceMap,
      requestContext(planned, context, logger),
      planned.operationContext,
      state.supergraphSchema,
      state.apiSchema,
    );
  } catch (error) {
    // One broken event must not end the subscription; the next one may well resolve.
    return { data: null, errors: [asGraphQLError(error, 'Could not resolve subscription event')] };
  }
}

/** The owner's data source for this one event: the primary fetch is answered from the event, the rest goes over HTTP. */
function answerPrimaryWithEvent(
  primary: FetchNode,
  event: UpstreamEvent,
  fallback: GraphQLDataSource | undefined,
): GraphQLDataSource {
  return {
    async process(options) {
      if (options.request.query === primary.operation) {
        return { data: event.data ?? null, ...(event.errors ? { errors: event.errors } : {}) };
      }
      if (!fallback) throw new Error(`No data source for subgraph "${primary.serviceName}"`);
      return fallback.process(options);
    },
  };
}

function requestContext(planned: PlannedSubscription, context: GatewayContext, logger: Logger): GatewayRequestContext {
  return {
    request: {
      variables: planned.variables,
      ...(planned.operationName ? { operationName: planned.operationName } : {}),
    },
    logger,
    schema: planned.state.schema,
    // Hashes only key the gateway's plan/APQ caches, which this path does not use.
    schemaHash: '' as GatewayRequestContext['schemaHash'],
    queryHash: '',
    context,
    cache: noCache,
    document: planned.document,
    source: '',
    operationName: planned.operationName ?? null,
    operation: planned.operationContext.operation,
    // Fresh per event: the executor appends error paths to it.
    metrics: {},
    overallCachePolicy: undefined,
  };
}
