/**
 * Demand control at the router. Every operation — HTTP, and graphql-ws queries, mutations and subscriptions — gets a
 * static cost from the supergraph (estimate.ts) once it is validated and before the gateway plans it; over HTTP
 * already before Apollo Server validates it (early-refusal.ts). Above the maximum it is refused with
 * COST_LIMIT_EXCEEDED and no subgraph is called. Every response to a costed operation, refused or not, reports
 * `extensions.cost = { estimated, max }`.
 *
 * The cost is also put on the request context as `cost` (see RouterContext), synchronously when Apollo Server calls
 * `didResolveOperation`, so plugins listed after this one (a per-client cost budget) read it there.
 */
import type { Supergraph } from '@apollo/federation-internals';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { costLimitExceeded } from '@bloomzy/shared/errors';
import type { Admission, OperationRequest } from '../subscriptions/index.js';
import { costModelOf } from './cost-model.js';
import { estimateCost, type CostRequest } from './estimate.js';

export interface CostLimits {
  /** Operations costing more are refused. */
  readonly maxCost: number;
  /** Size assumed for a list field that has no `@listSize` (or whose slicing argument has no value). */
  readonly defaultListSize: number;
}

/** An operation's estimated cost and the maximum it was held against, as reported in `extensions.cost`. */
export interface OperationCost {
  readonly estimated: number;
  readonly max: number;
}

/** A request context that demand control writes the operation's cost to. */
export interface CostContext {
  cost?: OperationCost;
}

export interface DemandControl {
  /** Costs one operation; `refusal` is set when it is above the maximum. */
  check(request: CostRequest): { cost: OperationCost; refusal: GraphQLError | undefined };
  /** For Apollo Server: HTTP operations, and the queries and mutations graphql-ws hands to it. */
  readonly plugin: ApolloServerPlugin<BaseContext & CostContext>;
  /** For the federated subscription engine's `admit` hook. */
  admit(request: OperationRequest<CostContext>): Admission;
}

/** Demand control over the supergraph the router has built. */
export function createDemandControl(supergraph: Supergraph, limits: CostLimits): DemandControl {
  const model = costModelOf(supergraph);

  function check(request: CostRequest) {
    const estimated = estimateCost(model, request, limits);
    const cost = { estimated, max: limits.maxCost };
    return { cost, refusal: estimated > limits.maxCost ? costLimitExceeded(cost) : undefined };
  }

  const plugin: DemandControl['plugin'] = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const { cost, refusal } = check({
            document,
            operationName: request.operationName,
            variables: request.variables,
          });
          contextValue.cost = cost;
          if (refusal) throw withHttpStatus(refusal, 400);
        },
        async willSendResponse({ response, contextValue }: GraphQLRequestContextWillSendResponse<CostContext>) {
          if (!contextValue.cost) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          result.extensions = { ...result.extensions, cost: contextValue.cost };
        },
      };
    },
  };

  return {
    check,
    plugin,
    admit(request) {
      const { cost, refusal } = check(request);
      request.context.cost = cost;
      return { ...(refusal ? { errors: [refusal] } : {}), extensions: { cost } };
    },
  };
}

/** Apollo Server answers an error thrown before execution with 500 unless it names its HTTP status. */
function withHttpStatus(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
}
