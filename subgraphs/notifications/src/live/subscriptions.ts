/**
 * graphql-ws on the subgraph's own /graphql (same HTTP server, WebSocket upgrade), serving `notificationReceived`.
 *
 * Who subscribes is decided per subscription (subscriber.ts): the router multiplexes many subscribers over a few
 * connections, each subscribe message carrying the subscriber's identity signed by the router. A connection opened
 * with credentials in its connectionParams (`authorization: "Bearer <token>"` or an API key) still runs every
 * operation as that principal: missing or invalid ones close it with 4401, an API key without notifications:read with
 * 4403. A connection opened without any is the router's (in production its upgrade carried the service credential,
 * checked before the upgrade): its subscriptions without a valid identity are refused with UNAUTHENTICATED, one by one.
 */
import type { GraphQLSchema } from 'graphql';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import { authenticateConnection } from '@bloomzy/shared/auth/connection';
import type { Principal } from '@bloomzy/shared/auth/principal';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { unauthenticated } from '@bloomzy/shared/errors';
import { documentRefusal } from '@bloomzy/shared/http/document-guard';
import { SUBGRAPH_MAX_TOKENS } from '@bloomzy/shared/http/request-limits';
import type { Logger } from '@bloomzy/shared/logger';
import { counter } from '@bloomzy/shared/metrics/registry';
import { socketContext } from '../context.js';
import type { NotificationsRuntime } from '../runtime.js';
import { coalesceWrites } from './coalesced-writes.js';
import { compiledSubscribe } from './compiled-subscribe.js';
import { hasConnectionCredentials, subscriberOf } from './subscriber.js';

const liveEventsDelivered = counter({
  name: 'bloomzy_live_events_delivered_total',
  help: 'Events pushed live to graphql-ws subscribers (notificationReceived)',
  labelNames: ['service'] as const,
});

/** Ping interval (graphql-ws's default): a client that stops answering is dropped and its subscriptions released. */
const KEEP_ALIVE_MS = 12_000;

// A type, not an interface: graphql-ws wants an indexable record.
type SocketExtra = {
  /** The connection's own principal; none on a router's multiplexed connection. */
  principal?: Principal;
  /** Subscribers verified in onSubscribe, until `context` takes them (by operation id). */
  subscribers?: Map<string, Principal>;
};

export function attachSubscriptions(options: {
  runtime: NotificationsRuntime;
  verifier: CredentialVerifier;
  /** Verifies the identities routers sign; without it, subscriptions must carry the subscriber's own credentials. */
  credentials?: ServiceCredentials | undefined;
  production: boolean;
  logger: Logger;
}) {
  return (schema: GraphQLSchema) => {
    return makeHandler<Record<string, unknown> | undefined, SocketExtra>(
      {
        schema,
        subscribe: compiledSubscribe(schema),
        isProd: options.production,
        onConnect: async (ctx) => {
          coalesceWrites(ctx.extra.socket, ctx.extra.request.raw.socket);
          if (!hasConnectionCredentials(ctx.connectionParams)) return true;
          const connection = await authenticateConnection(
            options.verifier,
            ctx.connectionParams,
            ctx.extra.socket,
            'notifications:read',
          );
          if (!connection) return false;
          ctx.extra.principal = connection.principal;
          return true;
        },
        context: (ctx, id) => {
          const principal = ctx.extra.principal ?? ctx.extra.subscribers?.get(id);
          ctx.extra.subscribers?.delete(id);
          // onSubscribe refused every operation without one; graphql-ws runs none it refused.
          if (!principal) throw new Error('graphql-ws operation without a verified subscriber');
          return socketContext(options.runtime, principal);
        },
        // Only the router connects, having refused such documents already; graphql-ws would parse them unguarded.
        onSubscribe: async (ctx, id, payload) => {
          const refusal = documentRefusal(payload.query, SUBGRAPH_MAX_TOKENS);
          if (refusal) return [refusal];
          if (ctx.extra.principal) return undefined;
          const subscriber = await subscriberOf(payload.extensions, options);
          if (!subscriber) return [unauthenticated('This subscription carries no valid subscriber identity')];
          (ctx.extra.subscribers ??= new Map()).set(id, subscriber);
          return undefined;
        },
        onComplete: (ctx, id) => void ctx.extra.subscribers?.delete(id),
        // Counted per event sent to a subscriber (a router forwards each to its client).
        onNext: () => void liveEventsDelivered.inc({ service: 'notifications' }),
        onError: (ctx, id, _payload, errors) => {
          ctx.extra.subscribers?.delete(id);
          for (const error of errors)
            if (!error.extensions?.code) options.logger.error('subscription error', { error });
        },
      },
      KEEP_ALIVE_MS,
    );
  };
}
