/**
 * GraphQL operations as Prometheus sees them, counted the same way by every subgraph and by the router: how many and
 * how long, by operation name, operation type and outcome (the response's first `extensions.code`, or OK).
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
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

type Context = GraphQLRequestContextWillSendResponse<BaseContext>;

/**
 * The operation the request runs: resolved by Apollo, or (when validation failed first) the one the parsed document
 * names, so a refused operation is still counted under its name.
 */
function definitionOf(ctx: Context): OperationDefinitionNode | undefined {
  if (ctx.operation) return ctx.operation;
  const operations = (ctx.document?.definitions ?? []).filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const wanted = ctx.request.operationName;
  return wanted
    ? operations.find((o) => o.name?.value === wanted)
    : operations.length === 1
      ? operations[0]
      : undefined;
}

/** The operation's name as the document gives it ("anonymous" when it has none); never the query text. */
function operationOf(ctx: Context): string {
  const name = definitionOf(ctx)?.name?.value;
  return name && NAME.test(name) ? operationLabel(name) : 'anonymous';
}

function outcomeOf(ctx: Context): string {
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
            type: definitionOf(ctx)?.operation ?? 'unknown',
            outcome: outcomeOf(ctx),
          };
          graphqlOperations.inc(labels);
          graphqlOperationDuration.observe(labels, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
