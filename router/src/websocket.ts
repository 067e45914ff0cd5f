/**
 * graphql-ws on the router's /graphql: authenticates each connection from its connectionParams (closing with 4401
 * for missing, bad or expired credentials, 4403 for an API key without the notifications:read scope, 4429 for a client
 * already holding its maximum of connections), then serves federated subscriptions — the primary subscription
 * upstream over graphql-ws, every event's remaining fields from the other subgraphs — and queries/mutations through
 * the same gateway as HTTP. Every operation spends its client's request budget, and subscriptions are capped per
 * client (rate-limits/websocket-limits.ts).
 */
import type { ApolloServer } from '@apollo/server';
import type { WebsocketHandler } from '@fastify/websocket';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { makeHandler, type Extra } from 'graphql-ws/use/@fastify/websocket';
import { decodeJwt } from 'jose';
import type { WebSocket } from 'ws';
import { authenticateConnection } from '@bloomzy/shared/auth/connection';
import type { RevocationStore } from '@bloomzy/shared/auth/revocations';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { withoutSuggestion } from '@bloomzy/shared/hide-suggestions';
import type { Logger } from '@bloomzy/shared/logger';
import { ForwardingDataSource, type RouterContext, type SubgraphInfo } from './gateway.js';
import { measureFetches } from './metrics/measure-fetches.js';
import { operationLimitRules, refuseLongDocument, type OperationLimits } from './plugins/operation-limits.js';
import type { ClientIdentity, WebSocketLimits } from './rate-limits/index.js';
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
  revocationCheckMs?: number;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, Extra> & {
  credentials?: Record<string, string>;
  client?: ClientIdentity;
};

/** Ping interval (graphql-ws's default): a client that stops answering is dropped and its subscriptions released. */
const KEEP_ALIVE_MS = 12_000;

/** How often a live connection re-checks the revocation list (logout, revoked API key), by default. */
const REVOCATION_CHECK_MS = 10_000;

/**
 * A connection outlives the credential it was opened with; close it with 4401 when the access token expires or its
 * session/API key is revoked, so a logged-out device stops receiving reminders.
 */
function watchCredential(
  socket: WebSocket,
  credentials: Record<string, string>,
  revocableId: string | undefined,
  revocations: RevocationStore,
  checkEveryMs: number,
) {
  const close = (reason: string) => socket.readyState === socket.OPEN && socket.close(CloseCode.Unauthorized, reason);
  const timers: NodeJS.Timeout[] = [];
  const token = /^Bearer\s+(.+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (token && token.split('.').length === 3) {
    const exp = decodeJwt(token).exp;
    if (exp)
      timers.push(setTimeout(() => close('Unauthorized: access token expired'), Math.max(0, exp * 1000 - Date.now())));
  }
  if (revocableId) {
    timers.push(
      setInterval(() => {
        revocations.isRevoked(revocableId).then(
          (revoked) => revoked && close('Unauthorized: session ended'),
          () => {},
        );
      }, checkEveryMs),
    );
  }
  for (const t of timers) t.unref();
  socket.once('close', () => timers.forEach((t) => clearTimeout(t)));
}

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
  const subscriptions = createFederatedSubscriptions<RouterContext, ConnectionContext>({
    supergraphSdl: options.supergraphSdl,
    subgraphs: options.subgraphs,
    buildDataSource: (name, url) => measureFetches(new ForwardingDataSource({ name, url, credentials }), name),
    context: (ctx) => ({
      credentials: ctx.credentials ?? {},
      requestId: ctx.extra.request.id,
      client: ctx.client,
      clientAddress: ctx.extra.request.ip,
    }),
    upstreamConnectionParams: (context) => context.credentials,
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

  const handler = makeHandler<Record<string, unknown> | undefined>(
    {
      ...subscriptions.serverOptions,
      context: (ctx, id, payload) => subscriptions.serverOptions.context(ctx as ConnectionContext, id, payload),
      subscribe: limits.limitSubscriptions(subscriptions.serverOptions.subscribe),
      // Before graphql-ws parses the document: first the token limit, then the client's request budget, as over HTTP
      // (onConnect has set the client of every acknowledged socket). Undefined lets it go on as usual.
      onSubscribe: async (ctx, _id, payload) => {
        const tooLong = refuseLongDocument(options.operationLimits, payload.query);
        if (tooLong) return tooLong;
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
        const client = limits.admitConnection(connection, ctx.extra.request.ip, ctx.extra.socket);
        if (!client) return false;
        const { principal, credentials } = connection;
        Object.assign(ctx as ConnectionContext, { credentials, client });
        watchCredential(
          ctx.extra.socket,
          credentials,
          principal.sessionId ?? principal.apiKeyId,
          options.revocations,
          options.revocationCheckMs ?? REVOCATION_CHECK_MS,
        );
        return true;
      },
    },
    KEEP_ALIVE_MS,
  );
  return { handler, dispose: () => subscriptions.dispose() };
}
