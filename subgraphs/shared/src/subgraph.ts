/**
 * The skeleton every subgraph runs on: SDL from schema/<name>.graphql, resolvers, a per-request context, Apollo
 * Server with our error policy, and the shared HTTP service (/graphql, /health, /ready, extra routes).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { parse, type GraphQLSchema } from 'graphql';
import { createErrorFormatter } from './errors.js';
import { serveGraphQL } from './http/graphql-route.js';
import { startHttpService } from './http/http-service.js';
import type { Logger } from './logger.js';
import { subgraph } from './manifest.js';

export interface SubgraphOptions<Ctx extends BaseContext> {
  name: string;
  host: string;
  port: number;
  production: boolean;
  logger: Logger;
  resolvers: GraphQLResolverMap<Ctx>;
  context(req: IncomingMessage): Promise<Ctx>;
  /** Registers the subgraph's own routes besides /graphql, /health and /ready (auth: JWKS, API-key introspection). */
  routes?(app: FastifyInstance): void;
  ready?: () => Promise<boolean>;
  /**
   * Serves graphql-ws on /graphql: returns the handler for WebSocket upgrades of GET /graphql (graphql-ws's
   * `makeHandler`). Open sockets are closed with 1001 when the subgraph stops.
   */
  attach?(schema: GraphQLSchema): WebsocketHandler;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  schema: GraphQLSchema;
  stop(): Promise<void>;
}

export async function startSubgraph<Ctx extends BaseContext>(options: SubgraphOptions<Ctx>): Promise<RunningSubgraph> {
  const typeDefs = parse(readFileSync(subgraph(options.name).schemaFile, 'utf8'));
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }]);
  const apollo = new ApolloServer<Ctx>({
    schema,
    // The router needs `_service { sdl }`, which is a field, not introspection; introspection helps local debugging.
    introspection: !options.production,
    // We stop in order (router before subgraphs, databases last) from our own signal handler; Apollo's own
    // handler would stop this server early and re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !options.production,
    formatError: createErrorFormatter({
      production: options.production,
      log: (error) => options.logger.error('unexpected error', { error }),
    }),
    logger: options.logger,
    // Inline tracing only serves Apollo's hosted studio, which we do not use.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const http = await startHttpService({
    name: options.name,
    host: options.host,
    port: options.port,
    logger: options.logger,
    ready: options.ready,
    routes: (app) => {
      serveGraphQL(app, {
        apollo,
        context: (request) => options.context(request.raw),
        ...(options.attach ? { webSocket: options.attach(schema) } : {}),
      });
      options.routes?.(app);
    },
  });
  return {
    name: options.name,
    url: `${http.url}/graphql`,
    port: http.port,
    schema,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
