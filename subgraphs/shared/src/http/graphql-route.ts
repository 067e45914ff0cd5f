/**
 * GraphQL on /graphql: Apollo Server through its fastify integration for GET and POST and, when the service serves
 * subscriptions, graphql-ws on the WebSocket upgrade of the same GET route. Documents that would overflow graphql-js'
 * recursion are refused first (document-guard.ts).
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { refuseUnsafeDocuments } from './document-guard.js';
import { graphqlErrorHandler } from './http-errors.js';

export interface GraphQLRouteOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  context(request: FastifyRequest): Promise<Ctx>;
  /** Tokens Apollo Server parses (its `parseOptions.maxTokens`): documents are checked for safe nesting up to there. */
  maxTokens: number;
  /** graphql-ws's handler (`makeHandler` of graphql-ws/use/@fastify/websocket) for WebSocket upgrades. */
  webSocket?: WebsocketHandler;
  /** Runs before Apollo Server sees a GET or POST (it may answer the request itself), e.g. the router's demand control. */
  preHandler?: preHandlerAsyncHookHandler;
}

export function serveGraphQL<Ctx extends BaseContext>(app: FastifyInstance, options: GraphQLRouteOptions<Ctx>): void {
  const handler = fastifyApolloHandler(options.apollo, { context: (request) => options.context(request) });
  const webSocket = options.webSocket ? { wsHandler: options.webSocket } : {};
  // Nesting and fragments first: the service's own preHandler may parse the document too.
  const preHandler = {
    preHandler: [refuseUnsafeDocuments(options.maxTokens), ...(options.preHandler ? [options.preHandler] : [])],
  };
  app.route({
    method: 'GET',
    url: '/graphql',
    handler,
    errorHandler: graphqlErrorHandler,
    ...preHandler,
    ...webSocket,
  });
  app.route({ method: 'POST', url: '/graphql', handler, errorHandler: graphqlErrorHandler, ...preHandler });
}
