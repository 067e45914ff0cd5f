/**
 * GraphQL operations as Prometheus sees them, counted the same way by every subgraph and by the router: how many and
 * how long, by operation name, operation type and outcome (the response's first `extensions.code`, or OK).
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { boundedLabel, counter, DURATION_BUCKETS, histogram } from './registry.js';

const LABELS = ['service', 'operation', 'type', 'outcome'] as const;

const graphqlOperations = counter({
  name: 'bloomzy_graphql_operations_total',
  help: 'GraphQL operations answered, by service, operation name, operation type and outcome (error code or OK)',
  labelNames: LABELS,
});

const graphqlOperationDuration = histogram({
  name: 'bloomzy_graphql_operation_duration_seconds',
  help: 'Time from receiving a GraphQL operation to sending its response, by service, operation, type and outcome',
  labelNames: LABELS,
  buckets: DURATION_BUCKETS,
});

/** Distinct operation names kept per process; the rest are counted as "other". */
const MAX_OPERATION_NAMES = 500;
const operationLabel = boundedLabel(MAX_OPERATION_NAMES);
// Codes come from our closed set (errors.ts) or Apollo's own (GRAPHQL_PARSE_FAILED...); the bound guards the label
// against a subgraph that invents codes.
const outcomeLabel = boundedLabel(50, 'OTHER_ERROR');
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const CODE = /^[A-Z][A-Z_]{0,59}$/;

/** The operation's name as the document gives it ("anonymous" when it has none); never the query text. */
function operationOf(ctx: GraphQLRequestContextWillSendResponse<BaseContext>): string {
  const name = ctx.operationName ?? ctx.request.operationName;
  return name && NAME.test(name) ? operationLabel(name) : 'anonymous';
}

function outcomeOf(ctx: GraphQLRequestContextWillSendResponse<BaseContext>): string {
  const { body } = ctx.response;
  const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
  const code = errors?.[0]?.extensions?.code;
  if (!errors?.length) return 'OK';
  return typeof code === 'string' && CODE.test(code) ? outcomeLabel(code) : 'INTERNAL_SERVER_ERROR';
}

/** The Apollo Server plugin that feeds both metrics; `service` names the server (router, auth, plants...). */
export function graphqlMetrics<Ctx extends BaseContext>(service: string): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(ctx) {
          const labels = {
            service,
            operation: operationOf(ctx),
            type: ctx.operation?.operation ?? 'unknown',
            outcome: outcomeOf(ctx),
          };
          graphqlOperations.inc(labels);
          graphqlOperationDuration.observe(labels, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
