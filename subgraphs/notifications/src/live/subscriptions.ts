/**
 * graphql-ws on the subgraph's own /graphql (same HTTP server, WebSocket upgrade), serving `notificationReceived`.
 * The connection is authenticated once, from `connectionParams.authorization` ("Bearer <token>" or an API key; an
 * `x-api-key` param works too): missing or invalid credentials close it with 4401, an API key without the
 * notifications:read scope with 4403. Every operation on the socket then runs as that principal.
 */
import type { GraphQLSchema } from 'graphql';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import { authenticateConnection } from '@bloomzy/shared/auth/connection';
import type { Principal } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { documentRefusal } from '@bloomzy/shared/http/document-guard';
import { SUBGRAPH_MAX_TOKENS } from '@bloomzy/shared/http/request-limits';
import type { Logger } from '@bloomzy/shared/logger';
import { counter } from '@bloomzy/shared/metrics/registry';
import { socketContext } from '../context.js';
import type { NotificationsRuntime } from '../runtime.js';

const liveEventsDelivered = counter({
  name: 'bloomzy_live_events_delivered_total',
  help: 'Events pushed live to graphql-ws subscribers (notificationReceived)',
  labelNames: ['service'] as const,
});

/** Ping interval (graphql-ws's default): a client that stops answering is dropped and its subscriptions released. */
const KEEP_ALIVE_MS = 12_000;

export function attachSubscriptions(options: {
  runtime: NotificationsRuntime;
  verifier: CredentialVerifier;
  production: boolean;
  logger: Logger;
}) {
  return (schema: GraphQLSchema) => {
    return makeHandler<Record<string, unknown>, { principal: Principal }>(
      {
        schema,
        isProd: options.production,
        onConnect: async (ctx) => {
          const connection = await authenticateConnection(
            options.verifier,
            ctx.connectionParams,
            ctx.extra.socket,
            'notifications:read',
          );
          if (!connection) return false;
          const { principal } = connection;
          ctx.extra.principal = principal;
          return true;
        },
        context: (ctx) => {
          const { principal } = ctx.extra;
          // onConnect refused every connection without one, and graphql-ws runs no operation before it acknowledged.
          if (!principal) throw new Error('graphql-ws operation on an unauthenticated connection');
          return socketContext(options.runtime, principal);
        },
        // Only the router connects, having refused such documents already; graphql-ws would parse them unguarded.
        onSubscribe: (_ctx, _id, payload) => {
          const refusal = documentRefusal(payload.query, SUBGRAPH_MAX_TOKENS);
          return refusal ? [refusal] : undefined;
        },
        // Counted per event sent to a subscriber (a router forwards each to its client).
        onNext: () => void liveEventsDelivered.inc({ service: 'notifications' }),
        onError: (_ctx, _id, _payload, errors) => {
          for (const error of errors)
            if (!error.extensions?.code) options.logger.error('subscription error', { error });
        },
      },
      KEEP_ALIVE_MS,
    );
  };
}
