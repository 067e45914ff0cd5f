/**
 * Every error the router answers says which request it belongs to: `extensions.requestId` (the `x-request-id` of the
 * response, on every log line the request wrote in every service) and, while tracing is on, `extensions.traceId`
 * (its trace). A user who reports an error hands us both.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { activeTraceId } from '@bloomzy/shared/telemetry/propagation';
import type { RouterContext } from '../gateway.js';

/** `errors`, each with the ids in its extensions. */
export function withRequestIds(
  errors: readonly GraphQLFormattedError[],
  ids: { requestId?: string | undefined; traceId?: string | undefined },
): GraphQLFormattedError[] {
  const add = Object.fromEntries(Object.entries(ids).filter(([, value]) => value));
  return errors.map((error) => ({ ...error, extensions: { ...error.extensions, ...add } }));
}

export function requestIdInErrors(): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart({ contextValue }) {
      // The router's HTTP request span is active here; later hooks may run outside it.
      const ids = { requestId: contextValue.requestId, traceId: activeTraceId() };
      return {
        async willSendResponse({ response }) {
          const { body } = response;
          if (body.kind === 'single' && body.singleResult.errors) {
            body.singleResult.errors = withRequestIds(body.singleResult.errors, ids);
          } else if (body.kind === 'incremental' && body.initialResult.errors) {
            body.initialResult.errors = withRequestIds(body.initialResult.errors, ids);
          }
        },
      };
    },
  };
}
