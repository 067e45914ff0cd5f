/**
 * Test-only router: @apollo/gateway behind Apollo Server for HTTP, and this module behind graphql-ws on the same
 * node:http server and path — the wiring a real router would use.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  createFederatedSubscriptions,
  type FederatedSubscriptions,
  type FederatedSubscriptionsOptions,
} from '../subscriptions/index.js';
import { notesTypeDefs, serveApollo, usersTypeDefs, type RunningServer } from './test-subgraphs.js';

/** What the router's authentication derives from a connection (HTTP header or graphql-ws connection_init). */
export type RouterContext = { authorization: string | undefined };

export function compose(subgraphs: { users: string; notes: string }): string {
  const result = composeServices([
    { name: 'users', url: subgraphs.users, typeDefs: usersTypeDefs },
    { name: 'notes', url: subgraphs.notes, typeDefs: notesTypeDefs },
  ]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

export interface Router extends RunningServer {
  readonly wsUrl: string;
  readonly subscriptions: FederatedSubscriptions<RouterContext, Context>;
}

export async function startRouter(
  supergraphSdl: string,
  extra: Partial<FederatedSubscriptionsOptions<RouterContext>> = {},
): Promise<Router> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<RouterContext>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const apollo = new ApolloServer<RouterContext>({ gateway });
  await apollo.start();

  const subscriptions = createFederatedSubscriptions<RouterContext>({
    supergraphSdl,
    context: (ctx) => {
      const authorization = ctx.connectionParams?.authorization;
      return { authorization: typeof authorization === 'string' ? authorization : undefined };
    },
    // As the router does without a service secret: the subscriber's credentials ride on each subscribe message.
    upstreamExtensions: ({ authorization }) => (authorization ? { authorization } : undefined),
    headersFor: ({ authorization }): Record<string, string> => (authorization ? { authorization } : {}),
    // Queries and mutations over the socket go through the very same gateway as HTTP ones.
    executeOperation: async ({ document, operationName, variables, context }) => {
      const response = await apollo.executeOperation(
        { query: document, ...(operationName ? { operationName } : {}), ...(variables ? { variables } : {}) },
        { contextValue: context },
      );
      if (response.body.kind === 'single') return response.body.singleResult;
      return { errors: [{ message: 'Incremental delivery (@defer) is not available over WebSocket.' }] };
    },
    ...extra,
  });

  const http = createServer((req, res) => {
    void serveApollo(apollo, req, res, async (request) => ({ authorization: request.headers.authorization }));
  });
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const wsServer = useServer(
    {
      ...subscriptions.serverOptions,
      // Authentication stays the router's: refusing here makes graphql-ws close the socket with 4403.
      onConnect: (ctx) =>
        typeof ctx.connectionParams?.authorization === 'string' &&
        ctx.connectionParams.authorization.startsWith('Bearer '),
    },
    wss,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    subscriptions,
    async stop() {
      await subscriptions.dispose();
      await wsServer.dispose();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
    },
  };
}
