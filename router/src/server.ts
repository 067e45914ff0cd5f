/**
 * The router process: Apollo Server over @apollo/gateway on /graphql (HTTP), federated subscriptions over graphql-ws
 * on the same path, /health and /ready.
 */
import { readFile } from 'node:fs/promises';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyRequest } from 'fastify';
import type { RevocationStore } from '@bloomzy/shared/auth/revocations';
import { serviceCredentials } from '@bloomzy/shared/auth/service-credential';
import { createCredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { Coordination } from '@bloomzy/shared/coordination';
import { createErrorFormatter } from '@bloomzy/shared/errors';
import { hideSuggestions } from '@bloomzy/shared/hide-suggestions';
import { refuseUnsafeDocuments } from '@bloomzy/shared/http/document-guard';
import { serveGraphQL } from '@bloomzy/shared/http/graphql-route';
import { startHttpService } from '@bloomzy/shared/http/http-service';
import type { Logger } from '@bloomzy/shared/logger';
import { graphqlMetrics } from '@bloomzy/shared/metrics/graphql-metrics';
import type { RunningService } from '@bloomzy/shared/service';
import { refuseUnsafeText } from '@bloomzy/shared/text-input';
import type { RouterConfig } from './config.js';
import { refuseCostlyRequests } from './cost/early-refusal.js';
import { createDemandControl } from './cost/plugin.js';
import { apolloServerPerformance } from './gateway-performance.js';
import { createGateway, credentialsFrom, subgraphsAnswer, subgraphsOf, type RouterContext } from './gateway.js';
import { watchSubgraphs } from './metrics/watch-subgraphs.js';
import { errorLimit } from './plugins/error-limit.js';
import { operationLimits } from './plugins/operation-limits.js';
import { requestIdInErrors } from './plugins/request-id.js';
import { createRateLimits } from './rate-limits/index.js';
import { createSubgraphFetch } from './subgraph-fetch.js';
import { forwardUnsubscribe } from './unsubscribe-forward.js';
import { createSubscriptionHandler } from './websocket.js';

export interface RouterOptions {
  config: RouterConfig;
  logger: Logger;
  revocations: RevocationStore;
  /**
   * How often open WebSocket connections are swept against the revocation list, for pushes this router missed
   * (revocations reach it by pub/sub at once; see live-credentials.ts).
   */
  revocationCheckMs?: number;
  /** Redis through which routers share their clients' rate-limit budgets (the coordination's); else in memory. */
  redis?: Coordination['redis'];
  /** Prefix of the rate limits' Redis keys (tests give each run its own). */
  rateLimitKeyPrefix?: string;
  /** Whether Redis answers (the coordination's), part of /ready. */
  coordinationReady?: () => Promise<boolean>;
}

export async function startRouter({
  config,
  logger,
  revocations,
  revocationCheckMs,
  redis,
  rateLimitKeyPrefix,
  coordinationReady,
}: RouterOptions): Promise<RunningService> {
  const supergraphSdl = await readFile(config.supergraphPath, 'utf8').catch(() => {
    throw new Error(`Cannot read the supergraph at ${config.supergraphPath} (run \`npm run compose\`)`);
  });
  // Built once here for the subgraph list and demand control; throws (federation's own error) on an invalid SDL.
  const supergraph = Supergraph.build(supergraphSdl);
  const subgraphs = subgraphsOf(supergraph, config.subgraphUrls);
  // Every request to a subgraph carries it (HTTP, graphql-ws upgrades, readiness, API-key introspection).
  const credentials = await serviceCredentials(config, 'router');
  const { defaultMs, bySubgraph } = config.subgraphTimeouts;
  const { performance } = config;
  const subgraphFetch = createSubgraphFetch({
    timeoutMs: (name) => bySubgraph[name] ?? defaultMs,
    logger,
    dedupe: performance.dedupe,
    batch: performance.batch,
  });
  const gateway = createGateway(
    supergraphSdl,
    config.subgraphUrls,
    logger,
    credentials,
    subgraphFetch.fetcherFor,
    performance.queryPlanCacheMiB,
  );
  const demandControl = createDemandControl(supergraph, config.cost);
  const limits = operationLimits(config.operationLimits);
  const verifier = createCredentialVerifier({
    jwks: config.jwksUrl,
    apiKeyIntrospection: config.apiKeyIntrospectionUrl,
    revocations,
    serviceCredentials: credentials,
  });
  const rateLimits = createRateLimits({
    settings: config.rateLimits,
    verifier,
    logger,
    redis,
    ...(rateLimitKeyPrefix ? { keyPrefix: rateLimitKeyPrefix } : {}),
  });
  /**
   * An HTTP request's context: what subgraph fetches carry (credentials, request id, the client's address for auth's
   * sign-in limits) and whom it counts against.
   */
  const contextOf = async (request: FastifyRequest): Promise<RouterContext> => ({
    credentials: credentialsFrom(request.headers),
    requestId: request.id,
    clientAddress: request.ip,
    client: rateLimits.clientOf(request),
  });
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    ...apolloServerPerformance(performance),
    // Checked while parsing and validating, before the gateway plans: see plugins/operation-limits.ts.
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    introspection: config.introspection,
    // We stop in order (router before subgraphs, databases last) from our own signal handler; Apollo's own
    // handler would stop this server early and re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    formatError: createErrorFormatter({
      production: config.production,
      log: (error) => logger.error('router error', { error }),
    }),
    logger,
    plugins: [
      graphqlMetrics('router'),
      config.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      demandControl.plugin,
      rateLimits.plugin,
      limits.plugin,
      // Refused here, before planning, as every subgraph would (shared/text-input.ts).
      refuseUnsafeText(),
      errorLimit({ maxErrors: config.maxErrors }),
      // After errorLimit, so that its summary error carries the ids too.
      requestIdInErrors(),
      // Suggestions ("Did you mean …?") would disclose the schema that introspection hides.
      ...(config.introspection ? [] : [hideSuggestions()]),
    ],
  });
  await apollo.start();
  const subscriptions = createSubscriptionHandler({
    supergraphSdl,
    subgraphs,
    logger,
    revocations,
    verifier,
    limits: rateLimits.webSocket,
    operationLimits: config.operationLimits,
    maxErrors: config.maxErrors,
    introspection: config.introspection,
    apollo,
    admit: demandControl.admit,
    credentials,
    fetcherFor: subgraphFetch.fetcherFor,
    upstreamConnections: config.subscriptionUpstreamConnections,
    keepAliveMs: config.wsKeepAliveMs,
    ...(revocationCheckMs ? { revocationCheckMs } : {}),
  });
  let loaded = true;
  const http = await startHttpService({
    name: 'router',
    host: config.host,
    port: config.port,
    logger,
    corsOrigins: config.corsOrigins,
    trustedProxies: config.trustedProxies,
    // Redis too when the router uses it (rate limits, revocations): without it every counted request would fail.
    ready: async () =>
      loaded && (await (coordinationReady?.() ?? true)) && (await subgraphsAnswer(subgraphs, credentials)),
    routes: (app) => {
      app.addHook('onRequest', rateLimits.onRequest);
      serveGraphQL(app, {
        apollo,
        context: contextOf,
        maxTokens: config.operationLimits.maxTokens,
        webSocket: subscriptions.handler,
        preHandler: refuseCostlyRequests(demandControl),
      });
      // The landing page (Apollo Sandbox) at the root URL too, so http://localhost:4000 opens it; Apollo Server
      // answers GET queries there as well, so the same document guard as /graphql.
      app.get(
        '/',
        { preHandler: refuseUnsafeDocuments(config.operationLimits.maxTokens) },
        fastifyApolloHandler(apollo, { context: contextOf }),
      );
      // Email unsubscribe links (RFC 8058) need no login and land here: forwarded to notifications.
      const notificationsUrl = subgraphs.find((s) => s.name === 'notifications')?.url;
      forwardUnsubscribe(app, { notificationsUrl, credentials, logger });
    },
  });
  const unwatchSubgraphs = watchSubgraphs(subgraphs, credentials);
  logger.info(`router ready at ${http.url}/graphql (${subgraphs.map((s) => `${s.name}: ${s.url}`).join(', ')})`);
  return {
    name: 'router',
    url: `${http.url}/graphql`,
    port: http.port,
    stop: async () => {
      loaded = false;
      unwatchSubgraphs();
      await subscriptions.dispose();
      await http.close();
      await apollo.stop();
      await subgraphFetch.close();
    },
  };
}
