/**
 * One supergraph's worth of planning state: the API schema clients validate against, and a federation query planner.
 * Immutable — `update()` in index.ts swaps in a new instance, so subscriptions already running keep the plan (and
 * schema) they were started with while new ones use the new supergraph.
 */
import { Supergraph, operationFromDocument, type Operation, type Schema } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';
import { GraphQLError, Kind, getOperationAST, getVariableValues, specifiedRules, validate } from './graphql.js';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** How client operations are validated besides graphql's own rules. */
export interface ValidationOptions {
  /** Added to graphql's specified rules (e.g. the router's operation limits). */
  readonly rules?: readonly ValidationRule[];
  /** Validation and variable coercion stop after this many errors (and add one saying so); graphql's default 100. */
  readonly maxErrors?: number;
}

/** Everything needed to run one client subscription: what to subscribe to upstream, and how to finish each event. */
export interface PlannedSubscription {
  /** Fetch of the subgraph that owns the subscription root field; sent upstream over graphql-ws. */
  readonly primary: FetchNode;
  /** Entity fetches resolving the rest of the selection, run for every event; absent if the owner has it all. */
  readonly rest: PlanNode | undefined;
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
  readonly operationContext: OperationContext;
  /**
   * Without `rest`: the operation as executeQueryPlan would build it to shape each event (execute-event.ts shapes
   * them directly). Built here, when the client subscribes, rather than at the first event, when all subscribers'
   * events arrive at once.
   */
  readonly shapingOperation: Operation | undefined;
  readonly state: SupergraphState;
}

/**
 * Distinct subscriptions (document text, operation name, variables) whose plan is kept. Thousands of clients of one
 * app subscribe with the same few documents: each built its own plan, operations and prepared shaping before, about
 * half of the router's heap with 10 000 subscribers, and that heap's garbage collection took a core for a second
 * during a reminder burst.
 */
const PLANS_KEPT = 1_000;

export class SupergraphState {
  /** graphql-js API schema (no join__/link machinery), what clients see and are validated against. */
  readonly schema: GraphQLSchema;
  /** Same API schema in federation-internals form; executeQueryPlan shapes responses with it. */
  readonly apiSchema: Schema;
  /** Full supergraph schema; executeQueryPlan needs it for @requires/@interfaceObject rewrites. */
  readonly supergraphSchema: GraphQLSchema;
  /** Subgraph name → HTTP URL as recorded in the supergraph (join__graph url). */
  readonly subgraphUrls: ReadonlyMap<string, string>;
  readonly #planner: QueryPlanner;
  readonly #validation: ValidationOptions;
  readonly #plans = new LRUCache<string, PlannedSubscription>({ max: PLANS_KEPT });

  constructor(supergraphSdl: string, validation: ValidationOptions = {}) {
    this.#validation = validation;
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.schema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.subgraphUrls = new Map(supergraph.subgraphsMetadata().map(({ name, url }) => [name, url]));
    this.#planner = new QueryPlanner(supergraph);
  }

  /** Validates a client operation against the API schema: graphql's rules and ours. */
  validate(document: DocumentNode): readonly GraphQLError[] {
    const { rules = [], maxErrors } = this.#validation;
    return validate(
      this.schema,
      document,
      [...specifiedRules, ...rules],
      maxErrors === undefined ? undefined : { maxErrors },
    );
  }

  /**
   * Validates a client subscription and plans it. Every failure becomes GraphQL errors (never a throw), so that the
   * client gets a regular error response instead of an internal-error close of its socket.
   */
  plan(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
  ): PlannedSubscription | readonly GraphQLError[] {
    const validationErrors = this.validate(document);
    if (validationErrors.length > 0) return validationErrors;

    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return [
        new GraphQLError(
          operationName ? `Unknown operation named "${operationName}".` : 'Unable to identify operation.',
        ),
      ];
    }
    if (operation.operation !== 'subscription') {
      return [new GraphQLError(`Expected a subscription operation, got a ${operation.operation}.`)];
    }
    // graphql-js would coerce variables inside its own subscribe(); we bypass it, so check them like the gateway does.
    const { maxErrors } = this.#validation;
    const variableErrors = getVariableValues(
      this.schema,
      operation.variableDefinitions ?? [],
      variables ?? {},
      maxErrors === undefined ? undefined : { maxErrors },
    ).errors;
    if (variableErrors) return variableErrors;

    // Plans are shared between the subscribers of one text; one parsed without its text is planned on its own.
    const source = document.loc?.source.body;
    const key = source === undefined ? undefined : JSON.stringify([source, operationName ?? null, variables ?? {}]);
    const known = key === undefined ? undefined : this.#plans.get(key);
    if (known) return known;
    try {
      const operationContext = buildOperationContext({
        schema: this.schema,
        operationDocument: document,
        ...(operationName ? { operationName } : {}),
      });
      const plan = this.#planner.buildQueryPlan(
        operationFromDocument(this.apiSchema, document, operationName ? { operationName } : {}),
      );
      if (plan.node?.kind !== 'Subscription') {
        return [
          new GraphQLError(`Query planner produced no subscription plan (got ${plan.node?.kind ?? 'an empty plan'}).`),
        ];
      }
      const planned: PlannedSubscription = {
        primary: plan.node.primary,
        rest: plan.node.rest,
        document,
        operationName,
        variables: variables ?? {},
        operationContext,
        shapingOperation: plan.node.rest
          ? undefined
          : operationFromDocument(
              this.apiSchema,
              {
                kind: Kind.DOCUMENT,
                definitions: [operationContext.operation, ...Object.values(operationContext.fragments)],
              },
              { validate: false },
            ),
        state: this,
      };
      if (key !== undefined) this.#plans.set(key, planned);
      return planned;
    } catch (error) {
      return [asGraphQLError(error, 'Could not plan the subscription')];
    }
  }
}

export function asGraphQLError(error: unknown, prefix: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(`${prefix}: ${message}`, error instanceof Error ? { originalError: error } : {});
}
