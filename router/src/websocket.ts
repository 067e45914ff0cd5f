/**
 * graphql-ws on the router's /graphql: authenticates each connection from its connectionParams (closing with 4401
 * for missing, bad or expired credentials, 4403 for an API key without the notifications:read scope), then serves
 * federated subscriptions — the primary subscription upstream over graphql-ws, every event's remaining fields from
 * the other subgraphs — and queries/mutations through the same gateway as HTTP.
 */
import type { ApolloServer } from '@apollo/server';
import type { WebsocketHandler } from '@fastify/websocket';
import { CloseCode, type Context } from 'graphql-ws';
import { makeHandler, type Extra } from 'graphql-ws/use/@fastify/websocket';
import { decodeJwt } from 'jose';
import type { WebSocket } from 'ws';
import { authenticateConnection } from '@bloomzy/shared/auth/connection';
import type { RevocationStore } from '@bloomzy/shared/auth/revocations';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { createCredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { Logger } from '@bloomzy/shared/logger';
import type { RouterConfig } from './config.js';
import { ForwardingDataSource, type RouterContext, type SubgraphInfo } from './gateway.js';
import { createFederatedSubscriptions } from './subscriptions/index.js';

export interface SubscriptionHandlerOptions {
  supergraphSdl: string;
  subgraphs: SubgraphInfo[];
  config: RouterConfig;
  logger: Logger;
  revocations: RevocationStore;
  apollo: ApolloServer<RouterContext>;
  /** The router's service credential: on upstream upgrades, entity fetches and API-key introspection. */
  credentials: ServiceCredentials | undefined;
  revocationCheckMs?: number;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, Extra> & {
  credentials?: Record<string, string>;
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

export interface SubscriptionHandler {
  /** For the WebSocket upgrade of GET /graphql. */
  handler: WebsocketHandler;
  /** Ends every running subscription; the sockets themselves close with the HTTP server. */
  dispose(): Promise<void>;
}

export function createSubscriptionHandler(options: SubscriptionHandlerOptions): SubscriptionHandler {
  const { config, logger, credentials } = options;
  const verifier = createCredentialVerifier({
    jwks: config.jwksUrl,
    apiKeyIntrospection: config.apiKeyIntrospectionUrl,
    revocations: options.revocations,
    serviceCredentials: credentials,
  });
  const subscriptions = createFederatedSubscriptions<RouterContext, ConnectionContext>({
    supergraphSdl: options.supergraphSdl,
    subgraphs: options.subgraphs,
    buildDataSource: (name, url) => new ForwardingDataSource({ name, url, credentials }),
    context: (ctx) => ({ credentials: ctx.credentials ?? {}, requestId: ctx.extra.request.id }),
    upstreamConnectionParams: (context) => context.credentials,
    upstreamHeaders: async (subgraph) => (await credentials?.headersFor(subgraph)) ?? {},
    headersFor: ({ credentials }) => credentials,
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
      onConnect: async (ctx) => {
        const connection = await authenticateConnection(
          verifier,
          ctx.connectionParams,
          ctx.extra.socket,
          'notifications:read',
        );
        if (!connection) return false;
        const { principal, credentials } = connection;
        (ctx as ConnectionContext).credentials = credentials;
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
