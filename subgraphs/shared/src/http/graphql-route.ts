/**
 * GraphQL on /graphql: Apollo Server through its fastify integration for GET and POST and, when the service serves
 * subscriptions, graphql-ws on the WebSocket upgrade of the same GET route.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { graphqlErrorHandler } from './http-errors.js';

export interface GraphQLRouteOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  context(request: FastifyRequest): Promise<Ctx>;
  /** graphql-ws's handler (`makeHandler` of graphql-ws/use/@fastify/websocket) for WebSocket upgrades. */
  webSocket?: WebsocketHandler;
}

export function serveGraphQL<Ctx extends BaseContext>(app: FastifyInstance, options: GraphQLRouteOptions<Ctx>): void {
  const handler = fastifyApolloHandler(options.apollo, { context: (request) => options.context(request) });
  const webSocket = options.webSocket ? { wsHandler: options.webSocket } : {};
  app.route({ method: 'GET', url: '/graphql', handler, errorHandler: graphqlErrorHandler, ...webSocket });
  app.route({ method: 'POST', url: '/graphql', handler, errorHandler: graphqlErrorHandler });
}
