/**
 * At most `maxErrors` errors in one response, then one error saying how many were left out: a list variable of 5000
 * invalid enum values otherwise answers with 5000 errors (6.4 MB). Errors come from graphql's validation, the gateway's
 * variable coercion and the subgraphs, so the response is cut as it leaves, whatever produced them.
 *
 * Cutting the response is not enough for variables: the gateway coerces every value and builds an error, with its stack
 * trace, for each bad one (about 0.8 s of CPU for those 5000). So the variables are coerced here first, stopping at the
 * limit; beyond it the operation is refused with one error before the gateway sees it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { operationLimitExceeded } from '@bloomzy/shared/errors';

export interface ErrorLimitOptions {
  /** Most errors one response carries besides the final one that counts the rest (set by MAX_ERRORS). */
  maxErrors: number;
}

/** The first `maxErrors` errors and, when there were more, an OPERATION_LIMIT_EXCEEDED error counting the rest. */
export function limitErrors(
  errors: readonly GraphQLFormattedError[],
  { maxErrors }: ErrorLimitOptions,
): readonly GraphQLFormattedError[] {
  const leftOut = errors.length - maxErrors;
  if (leftOut <= 0) return errors;
  const summary = operationLimitExceeded(
    'MAX_ERRORS',
    maxErrors,
    `${leftOut} more error${leftOut === 1 ? '' : 's'} left out (MAX_ERRORS).`,
  );
  return [...errors.slice(0, maxErrors), summary.toJSON()];
}

/** Refuses variables with more than `maxErrors` errors; fewer are left to the gateway, which reports each. */
function tooManyVariableErrors(error: GraphQLError, maxErrors: number): GraphQLError {
  const refused = operationLimitExceeded(
    'MAX_ERRORS',
    maxErrors,
    `More than ${maxErrors} errors in the variables (MAX_ERRORS); the first: ${error.message}`,
  );
  // Apollo Server answers an error thrown by a plugin with status 500 unless the error asks for another.
  return new GraphQLError(refused.message, { extensions: { ...refused.extensions, http: { status: 400 } } });
}

export function errorLimit(options: ErrorLimitOptions): ApolloServerPlugin {
  const { maxErrors } = options;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          const variableDefinitions = operation?.variableDefinitions ?? [];
          if (variableDefinitions.length === 0) return;
          const { errors } = getVariableValues(schema, variableDefinitions, request.variables ?? {}, { maxErrors });
          const [first] = errors ?? [];
          if (first && errors && errors.length > maxErrors) throw tooManyVariableErrors(first, maxErrors);
        },
        async willSendResponse({ response }) {
          const { body } = response;
          if (body.kind === 'single' && body.singleResult.errors) {
            body.singleResult.errors = limitErrors(body.singleResult.errors, options);
          } else if (body.kind === 'incremental' && body.initialResult.errors) {
            body.initialResult.errors = limitErrors(body.initialResult.errors, options);
          }
        },
      };
    },
  };
}
