/**
 * graphql-ws on the router's /graphql: authenticates each connection from its connectionParams (closing with 4401
 * for missing, bad or revoked credentials, 4440 for an expired access token, 4403 for an API key without the
 * notifications:read scope, 4429 for a client already holding its maximum of connections; live-credentials.ts closes it
 * later on logout or token expiry, unless the client renewed its token on the socket: see `renew`), then serves federated subscriptions — the primary subscription
 * upstream over graphql-ws, every event's remaining fields from the other subgraphs — and queries/mutations through
 * the same gateway as HTTP. Every operation spends its client's request budget, and subscriptions are capped per
 * client (rate-limits/websocket-limits.ts).
 */
import type { ApolloServer } from '@apollo/server';
import type { WebsocketHandler } from '@fastify/websocket';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from 'graphql-ws';
import { makeHandler, type Extra } from 'graphql-ws/use/@fastify/websocket';
import { authenticateConnection } from '@bloomzy/shared/auth/connection';
import type { Principal } from '@bloomzy/shared/auth/principal';
import type { RevocationStore } from '@bloomzy/shared/auth/revocations';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { IDENTITY_EXTENSION } from '@bloomzy/shared/auth/subscriber-identity';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { forbidden, unauthenticated } from '@bloomzy/shared/errors';
import { withoutSuggestion } from '@bloomzy/shared/hide-suggestions';
import type { Logger } from '@bloomzy/shared/logger';
import { ForwardingDataSource, type RouterContext, type SubgraphInfo } from './gateway.js';
import { createLiveCredentials, type LiveConnection } from './live-credentials.js';
import { measureFetches } from './metrics/measure-fetches.js';
import { reportUpstreamSockets } from './metrics/router-metrics.js';
import { operationLimitRules, refuseLongDocument, type OperationLimits } from './plugins/operation-limits.js';
import type { ClientIdentity, WebSocketLimits } from './rate-limits/index.js';
import type { Fetcher } from './subgraph-fetch.js';
import { createFederatedSubscriptions, type FederatedSubscriptionsOptions } from './subscriptions/index.js';

export interface SubscriptionHandlerOptions {
  supergraphSdl: string;
  subgraphs: SubgraphInfo[];
  logger: Logger;
  revocations: RevocationStore;
  /** Verifies connections' credentials (the router's one verifier, shared with HTTP). */
  verifier: CredentialVerifier;
  /** Per-client caps on connections and subscriptions; operations spend the HTTP request budget. */
  limits: WebSocketLimits;
  /** What one operation may ask for (plugins/operation-limits.ts), as over HTTP. */
  operationLimits: OperationLimits;
  /** Most errors in one subscription event. */
  maxErrors: number;
  /** Without introspection, errors carry no "Did you mean …?" suggestions. */
  introspection: boolean;
  apollo: ApolloServer<RouterContext>;
  /** Admits or refuses each subscription before it is planned (demand control). */
  admit?: FederatedSubscriptionsOptions<RouterContext>['admit'];
  /** The router's service credential: on upstream upgrades, entity fetches and API-key introspection. */
  credentials: ServiceCredentials | undefined;
  /** The subgraph fetchers of HTTP operations (subgraph-fetch.ts), for the entity fetches of events too. */
  fetcherFor?: (subgraph: string) => Fetcher;
  /** How often every live session is re-checked against the revocation list (pushes do the real work). */
  revocationCheckMs?: number;
  /** graphql-ws sockets per subgraph carrying every client subscription to it. */
  upstreamConnections?: number;
  /** Interval of the pings to each client socket (default 30 s); 0: none. */
  keepAliveMs?: number;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, Extra> & {
  credentials?: Record<string, string>;
  client?: ClientIdentity;
  live?: LiveConnection;
  /** Who the connection was opened as (a renewal must be the same user); upstream subscriptions carry it signed. */
  principal?: Principal;
};

/**
 * An operation's context over graphql-ws: the router's, the connection that live-credentials.ts checks, and the
 * verified caller its upstream subscriptions are signed for.
 */
type SocketOperationContext = RouterContext & { live?: LiveConnection; principal?: Principal };

/**
 * Ping interval: a client that stops answering is dropped and its subscriptions released. Every socket pings on its
 * own, so an idle router's CPU grows with its sockets (about 70 µs per ping here: 6 % of a core for 10 000 sockets at
 * graphql-ws's default of 12 s); 30 s stays under the 60 s idle timeout common to load balancers.
 */
const KEEP_ALIVE_MS = 30_000;
/**
 * TCP keep-alive on every client socket: the kernel finds a peer that vanished without closing (no CPU of ours), also
 * with the pings off.
 */
const TCP_KEEP_ALIVE_MS = 30_000;

/** How often every live session is re-checked against the revocation list, for pushes a router missed. */
const REVOCATION_SWEEP_MS = 30_000;

/** As hide-suggestions.ts does over HTTP (queries sent here get it from Apollo Server already). */
const formattedWithoutSuggestions = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
  errors.map((error) => ({ ...error.toJSON(), message: withoutSuggestion(error.message) }));

export interface SubscriptionHandler {
  /** For the WebSocket upgrade of GET /graphql. */
  handler: WebsocketHandler;
  /** Ends every running subscription; the sockets themselves close with the HTTP server. */
  dispose(): Promise<void>;
}

export function createSubscriptionHandler(options: SubscriptionHandlerOptions): SubscriptionHandler {
  const { logger, verifier, limits, credentials } = options;
  const liveCredentials = createLiveCredentials({
    revocations: options.revocations,
    logger,
    sweepEveryMs: options.revocationCheckMs ?? REVOCATION_SWEEP_MS,
  });
  const subscriptions = createFederatedSubscriptions<SocketOperationContext, ConnectionContext>({
    supergraphSdl: options.supergraphSdl,
    subgraphs: options.subgraphs,
    buildDataSource: (name, url) =>
      measureFetches(new ForwardingDataSource({ name, url, credentials, fetcher: options.fetcherFor?.(name) }), name),
    context: (ctx) => ({
      // Read at each use, so running subscriptions' entity fetches carry the token a renewal brought.
      get credentials() {
        return ctx.credentials ?? {};
      },
      requestId: ctx.extra.request.id,
      client: ctx.client,
      clientAddress: ctx.extra.request.ip,
      ...(ctx.live ? { live: ctx.live } : {}),
      get principal() {
        return ctx.principal;
      },
    }),
    // Who each upstream subscription is for, on connections it shares with other subscribers: signed by the router
    // with the service secret (the subgraph verifies it per subscription); without a secret (local development) the
    // subscriber's own credentials, which the subgraph verifies itself.
    upstreamExtensions: async ({ principal, credentials: forwarded }, subgraph) => {
      if (!credentials) {
        const authorization = forwarded.authorization ?? (forwarded['x-api-key'] && `Bearer ${forwarded['x-api-key']}`);
        return authorization ? { authorization } : undefined;
      }
      if (!principal) throw new Error('A subscription on an unauthenticated connection');
      return { [IDENTITY_EXTENSION]: await credentials.signIdentity(subgraph, principal) };
    },
    upstreamConnections: options.upstreamConnections,
    upstreamHeaders: async (subgraph) => (await credentials?.headersFor(subgraph)) ?? {},
    // The operation limits HTTP has (plugins/operation-limits.ts), tokens aside: see onSubscribe below.
    validationRules: operationLimitRules(options.operationLimits),
    maxErrors: options.maxErrors,
    headersFor: ({ credentials }) => credentials,
    ...(options.admit ? { admit: options.admit } : {}),
    executeOperation: async ({ document, operationName, variables, context }) => {
      const response = await options.apollo.executeOperation(
        { query: document, ...(operationName ? { operationName } : {}), ...(variables ? { variables } : {}) },
        { contextValue: context },
      );
      if (response.body.kind === 'single') return response.body.singleResult;
      return { errors: [{ message: 'Incremental delivery (@defer) is not available over WebSocket' }] };
    },
    logger,
  });

  /**
   * Renews an open connection's credentials: any operation sent with `extensions.authorization: "Bearer <fresh access
   * token>"` (e.g. `query Renew { __typename }`) replaces the token the connection holds, for the user it was opened
   * as, so it outlives the old token's expiry without a reconnect (and without missing a live event). Returns the
   * error that refuses the operation when the token is not valid or not that user's; the connection stays as it was.
   */
  async function renew(ctx: ConnectionContext, authorization: unknown): Promise<GraphQLError | undefined> {
    if (typeof authorization !== 'string' || !ctx.live)
      return unauthenticated('extensions.authorization: send "Bearer <access token>"');
    const renewed = { authorization };
    let principal;
    try {
      principal = await verifier.verifyHeaders(renewed);
    } catch (error) {
      return error instanceof GraphQLError ? error : unauthenticated('Invalid access token', 'TOKEN_INVALID');
    }
    if (principal?.kind !== 'session' || principal.userId !== ctx.principal?.userId) {
      return forbidden("A connection's credentials can only be renewed with an access token of the same user");
    }
    ctx.credentials = renewed;
    ctx.principal = principal;
    liveCredentials.renew(ctx.live, renewed, principal.sessionId);
    return undefined;
  }

  const handler = makeHandler<Record<string, unknown> | undefined>(
    {
      ...subscriptions.serverOptions,
      context: (ctx, id, payload) => subscriptions.serverOptions.context(ctx as ConnectionContext, id, payload),
      subscribe: limits.limitSubscriptions(liveCredentials.guard(subscriptions.serverOptions.subscribe)),
      // Before graphql-ws parses the document: first the token limit, then the client's request budget, as over HTTP
      // (onConnect has set the client of every acknowledged socket). Undefined lets it go on as usual.
      onSubscribe: async (ctx, _id, payload) => {
        const tooLong = refuseLongDocument(options.operationLimits, payload.query);
        if (tooLong) return tooLong;
        const renewal = payload.extensions?.authorization;
        if (renewal !== undefined) {
          const refused = await renew(ctx as ConnectionContext, renewal);
          if (refused) return [refused];
        }
        const { client } = ctx as ConnectionContext;
        return client ? limits.admitOperation(client) : undefined;
      },
      ...(options.introspection
        ? {}
        : {
            onNext: (_ctx, _id, _payload, _args, result) =>
              result.errors ? { ...result, errors: formattedWithoutSuggestions(result.errors) } : undefined,
            onError: (_ctx, _id, _payload, errors) => formattedWithoutSuggestions(errors),
          }),
      onConnect: async (ctx) => {
        const connection = await authenticateConnection(
          verifier,
          ctx.connectionParams,
          ctx.extra.socket,
          'notifications:read',
        );
        if (!connection) return false;
        ctx.extra.request.raw.socket.setKeepAlive(true, TCP_KEEP_ALIVE_MS);
        const client = limits.admitConnection(connection, ctx.extra.request.ip, ctx.extra.socket);
        if (!client) return false;
        const { principal, credentials } = connection;
        const live = liveCredentials.watch(ctx.extra.socket, credentials, principal.sessionId ?? principal.apiKeyId);
        Object.assign(ctx as ConnectionContext, { credentials, client, live, principal });
        return true;
      },
    },
    options.keepAliveMs ?? KEEP_ALIVE_MS,
  );
  const unreport = reportUpstreamSockets(() => subscriptions.upstreamSockets);
  return {
    handler,
    dispose: async () => {
      unreport();
      await liveCredentials.dispose();
      await subscriptions.dispose();
    },
  };
}
