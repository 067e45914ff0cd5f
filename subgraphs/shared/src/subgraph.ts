/**
 * The skeleton every subgraph runs on: SDL from its manifest entry, resolvers, a per-request context, Apollo Server
 * with our error policy, the shared HTTP service (/graphql, /health, /ready, extra routes), and one shutdown order for
 * all: background work first, then the server, then the database.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { parse, type GraphQLSchema } from 'graphql';
import { SERVICE_CREDENTIAL_HEADER, type ServiceCredentials } from './auth/service-credential.js';
import { compiledExecutor, fixedSchemaGateway } from './compiled-execution.js';
import type { ServiceBaseConfig } from './config.js';
import type { Coordination } from './coordination.js';
import type { OpenedDatabase } from './db/open.js';
import { disposeReader } from './db/sql-reader.js';
import { createErrorFormatter } from './errors.js';
import { hideSuggestions } from './hide-suggestions.js';
import { serveGraphQL } from './http/graphql-route.js';
import { startHttpService } from './http/http-service.js';
import { SUBGRAPH_MAX_TOKENS } from './http/request-limits.js';
import type { Logger } from './logger.js';
import { subgraph } from './manifest.js';
import { watchDependency } from './metrics/dependency-metrics.js';
import { graphqlMetrics } from './metrics/graphql-metrics.js';
import type { RunningService } from './service.js';
import { isTracing } from './telemetry/propagation.js';
import { refuseUnsafeText } from './text-input.js';

/** What a subgraph's own Prisma client offers the skeleton: a liveness query and disconnection. */
interface DatabaseClient {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/** Background work a subgraph runs beside its server (event consumers, jobs). */
interface Stoppable {
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The audience a route's service credential must name, when not the subgraph's own name: auth's credential
     * endpoints, which callers know by AUTH_URL rather than by subgraph name.
     */
    serviceAudience?: string;
  }
}

export interface SubgraphOptions<Ctx extends BaseContext> {
  name: string;
  config: Pick<ServiceBaseConfig, 'host' | 'port' | 'production'>;
  logger: Logger;
  /** The subgraph's database: /ready answers only while it does; disconnected and closed last on stop. */
  database: { opened: OpenedDatabase; client: DatabaseClient };
  /** Redis when configured (coordination.ts): /ready answers 503 while it does not answer either. */
  coordination?: Pick<Coordination, 'ready'>;
  /**
   * Background work already started (event consumers, jobs): stopped first on shutdown, in this order, so work in
   * hand finishes while the database is still open; stopped too, with the database closed, when start-up fails.
   */
  background?: Stoppable[];
  resolvers: GraphQLResolverMap<Ctx>;
  context(req: IncomingMessage): Promise<Ctx>;
  /**
   * When given, every route but /health and /ready (GraphQL over HTTP and WebSocket included) answers only requests
   * carrying a service credential addressed to this subgraph (or to the route's `config.serviceAudience`); others get
   * 403 before their body is read. Only outside production may it be absent.
   */
  credentials: ServiceCredentials | undefined;
  /** Registers the subgraph's own routes besides /graphql, /health and /ready (auth: JWKS, API-key introspection). */
  routes?(app: FastifyInstance): void;
  /**
   * Serves graphql-ws on /graphql: returns the handler for WebSocket upgrades of GET /graphql (graphql-ws's
   * `makeHandler`). Open sockets are closed with 1001 when the subgraph stops.
   */
  attach?(schema: GraphQLSchema): WebsocketHandler;
}

export interface RunningSubgraph extends RunningService {
  schema: GraphQLSchema;
}

export async function startSubgraph<Ctx extends BaseContext>(options: SubgraphOptions<Ctx>): Promise<RunningSubgraph> {
  const { opened, client } = options.database;
  const stopBackground = async () => {
    for (const work of options.background ?? []) await work.stop();
  };
  // Last: the client, its row reader, then the database they share.
  const closeDatabase = async () => {
    await client.$disconnect();
    await disposeReader(client);
    await opened.close();
  };
  try {
    const running = await serve(options);
    options.logger.info(
      `${options.name} subgraph ready at ${running.url} (database: ${opened.kind}, ${opened.location})`,
    );
    return {
      ...running,
      stop: async () => {
        await stopBackground();
        await running.stop();
        await closeDatabase();
      },
    };
  } catch (error) {
    await stopBackground()
      .then(closeDatabase)
      .catch((cleanup: unknown) => options.logger.error('cleanup after a failed start failed', { error: cleanup }));
    throw error;
  }
}

async function serve<Ctx extends BaseContext>(options: SubgraphOptions<Ctx>): Promise<RunningSubgraph> {
  const { production } = options.config;
  const { credentials } = options;
  if (!credentials) {
    if (production) throw new Error(`${options.name}: a service credential secret is required in production`);
    options.logger.warn(
      `SUBGRAPH_SECRET is not set: the ${options.name} subgraph answers any caller, not only the router`,
    );
  }
  const typeDefs = parse(readFileSync(subgraph(options.name).schemaFile, 'utf8'));
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }]);
  const apollo = new ApolloServer<Ctx>({
    // Operations run compiled by graphql-jit (compiled-execution.ts), unless tracing wants graphql-js's field spans.
    ...(isTracing() ? { schema } : { gateway: fixedSchemaGateway(schema, compiledExecutor(schema)) }),
    // The router needs `_service { sdl }`, which is a field, not introspection; introspection helps local debugging.
    introspection: !production,
    // The router bounds what clients send; this bounds what reaches a subgraph at all (see request-limits.ts).
    parseOptions: { maxTokens: SUBGRAPH_MAX_TOKENS },
    // The router sends the query fetches of one plan step that start together as one array (its SUBGRAPH_BATCHING);
    // each element is checked, limited and executed as a request of its own, under one context.
    allowBatchedHttpRequests: true,
    // Only the router reads these answers: compact JSON (Apollo Server pretty-prints by default, which costs time here
    // and bytes the router must parse).
    stringifyResult: (value) => JSON.stringify(value),
    // We stop in order (router before subgraphs, databases last) from our own signal handler; Apollo's own
    // handler would stop this server early and re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    formatError: createErrorFormatter({
      production,
      log: (error) => options.logger.error('unexpected error', { error }),
    }),
    logger: options.logger,
    // Inline tracing only serves Apollo's hosted studio, which we do not use. Cache control (installed by default)
    // hooks every resolved field to compute cache hints nobody reads: no schema declares @cacheControl and the router
    // caches no responses; it cost a sizeable share of a 50-plant list's CPU. Suggestions ("Did you mean …?") would
    // disclose the schema introspection hides in production.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // NUL and unpaired surrogates are the client's mistake, not a database error (text-input.ts).
      refuseUnsafeText(),
      graphqlMetrics(options.name),
      ...(production ? [hideSuggestions()] : []),
    ],
  });
  await apollo.start();
  const databaseAnswers = async () => (await options.database.client.$queryRawUnsafe('SELECT 1'), true);
  const http = await startHttpService({
    name: options.name,
    host: options.config.host,
    port: options.config.port,
    logger: options.logger,
    ready: async () => (await databaseAnswers()) && ((await options.coordination?.ready()) ?? true),
    ...(credentials
      ? {
          requireCredential: async (request) => {
            const header = request.headers[SERVICE_CREDENTIAL_HEADER];
            const token = Array.isArray(header) ? header[0] : header;
            const audience = request.routeOptions.config.serviceAudience ?? options.name;
            const check = await credentials.verify(token, audience);
            if (!check.valid) request.log.debug({ reason: check.reason }, 'request refused');
            return check.valid;
          },
        }
      : {}),
    routes: (app) => {
      serveGraphQL(app, {
        apollo,
        context: (request) => options.context(request.raw),
        maxTokens: SUBGRAPH_MAX_TOKENS,
        ...(options.attach ? { webSocket: options.attach(schema) } : {}),
      });
      options.routes?.(app);
    },
  });
  const unwatch = watchDependency(options.name, 'database', databaseAnswers);
  return {
    name: options.name,
    url: `${http.url}/graphql`,
    port: http.port,
    schema,
    stop: async () => {
      unwatch();
      await http.close();
      await apollo.stop();
    },
  };
}
