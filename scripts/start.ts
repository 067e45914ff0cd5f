/**
 * `npm start`: the whole supergraph in one process with no external services — the router on :4000, every subgraph
 * of supergraph.yaml on its routing port (on 127.0.0.1 only, answering the router only), embedded PGlite databases
 * under .data/ (they survive restarts), in-memory pub/sub and event bus shared by the subgraphs. Ctrl-C stops
 * everything cleanly.
 * Each service reads its own configuration module, so the same variables as in production apply (ports, DATA_DIR...).
 */
import { randomBytes } from 'node:crypto';
import type { ServiceBaseConfig } from '@bloomzy/shared/config';
import type { RunningService } from '@bloomzy/shared/service';
import { startTracing } from '@bloomzy/shared/telemetry/start-tracing';

// Tracing first, the services after it: the instrumentations only see modules loaded once they are registered. Each
// service starts inside withService, so its spans carry its name although all share this process.
await startTracing('bloomzy', process.env);
const { loadRouterConfig } = await import('@bloomzy/router/config');
const { startRouter } = await import('@bloomzy/router/server');
const { loadOrExit } = await import('@bloomzy/shared/env-schema');
const { createCoordination } = await import('@bloomzy/shared/coordination');
const { createLogger } = await import('@bloomzy/shared/logger');
const { subgraphs } = await import('@bloomzy/shared/manifest');
const { startProcessMetrics } = await import('@bloomzy/shared/metrics/process-metrics');
const { runUntilSignal } = await import('@bloomzy/shared/service');
const { withService } = await import('@bloomzy/shared/telemetry/service-scope');
const { loadSubgraphModule } = await import('./subgraph-modules.js');

const entries = await Promise.all(
  subgraphs().map(async (entry) => ({ ...entry, module: await loadSubgraphModule(entry.name) })),
);
const env: Record<string, string | undefined> = {
  // The subgraphs are reached through the router; nobody else on the network need see them (<NAME>_HOST overrides).
  ...Object.fromEntries(entries.map((entry) => [`${entry.envPrefix}_HOST`, '127.0.0.1'])),
  // One /metrics listener for every service of the process (series labelled by service), on 127.0.0.1 by default.
  METRICS_PORT: '9464',
  ...process.env,
  // One process runs everything, so the in-memory bus and revocation list really are shared; Redis would be pointless.
  REDIS_URL: '',
};
// A fresh secret per run unless one is configured: only this process's router can call its subgraphs.
if (!env.SUBGRAPH_SECRET?.trim() && !env.SUBGRAPH_SECRET_FILE?.trim()) {
  env.SUBGRAPH_SECRET = randomBytes(32).toString('base64url');
}
const configs = loadOrExit(() => ({
  subgraphs: entries.map((entry) => entry.module.loadConfig(env)),
  router: loadRouterConfig(env, process.argv.slice(2)),
}));
const logger = createLogger({ service: 'bloomzy', json: configs.router.logJson, level: configs.router.logLevel });
// As router/src/main.ts: @apollo/gateway phones home unless this is set before it is built (APOLLO_TELEMETRY=true
// opts in).
if (!configs.router.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const started = Date.now();
const localUrl = (config: ServiceBaseConfig) =>
  `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
const credentialsIndex = entries.findIndex((entry) => entry.module.issuesCredentials);
const credentialsConfig = configs.subgraphs[credentialsIndex];

await runUntilSignal(
  logger,
  async () => {
    const coordination = await createCoordination({ logger });
    const metrics = await startProcessMetrics({ service: 'bloomzy', config: configs.router, logger }).catch(
      async (error: unknown) => {
        await coordination.close();
        throw error;
      },
    );
    const services: RunningService[] = [];
    const stopAll = async () => {
      for (const service of services.reverse()) {
        const stopping = Date.now();
        await service.stop().catch((e: unknown) => logger.error(`stopping ${service.name} failed`, { error: e }));
        logger.info(`${service.name} stopped in ${Date.now() - stopping} ms`);
      }
      await metrics.stop();
      await coordination.close();
    };
    try {
      // The subgraphs' databases boot side by side (PGlite start-up is most of the wait); the others only fetch
      // the credential issuer's JWKS on their first authenticated request, so they need not wait for it.
      const credentialsUrl = env.AUTH_URL || !credentialsConfig ? undefined : localUrl(credentialsConfig);
      const running = await Promise.all(
        entries.map((entry, i) => {
          const config = configs.subgraphs[i] as ServiceBaseConfig & { authUrl?: string };
          const withIssuer = credentialsUrl && 'authUrl' in config ? { ...config, authUrl: credentialsUrl } : config;
          return withService(entry.name, () =>
            entry.module.start({ config: withIssuer, coordination, logger: logger.child(entry.name) }),
          );
        }),
      );
      services.push(...running);
      // The router talks to the ports the subgraphs really got (AUTH_PORT=… npm start works), unless overridden.
      const actual = Object.fromEntries(running.map((service) => [service.name, service.url]));
      const router = { ...configs.router, subgraphUrls: { ...actual, ...configs.router.subgraphUrls } };
      const issuer = credentialsIndex >= 0 ? running[credentialsIndex] : undefined;
      if (issuer && !env.AUTH_URL) {
        const origin = new URL(issuer.url).origin;
        if (!env.AUTH_JWKS_URL) router.jwksUrl = `${origin}/.well-known/jwks.json`;
        router.apiKeyIntrospectionUrl = `${origin}/internal/api-keys/introspect`;
      }
      services.push(
        await withService('router', () =>
          startRouter({ config: router, logger: logger.child('router'), revocations: coordination.revocations }),
        ),
      );
    } catch (error) {
      await stopAll();
      throw error;
    }
    return { stop: stopAll };
  },
  () => {
    const router = `http://localhost:${configs.router.port}`;
    const { host: metricsHost, port: metricsPort } = configs.router.metrics;
    const metricsRow =
      metricsPort === undefined
        ? ''
        : `\n  ${'Metrics (Prometheus)'.padEnd(35)}http://${metricsHost}:${metricsPort}/metrics`;
    const rows = entries.map((entry, i) => {
      const label = `${entry.name[0]?.toUpperCase()}${entry.name.slice(1)} subgraph`;
      return `  ${label.padEnd(35)}${localUrl(configs.subgraphs[i] as ServiceBaseConfig)}/graphql`;
    });
    console.log(`
  Bloomzy is up in ${((Date.now() - started) / 1000).toFixed(1)} s

  Router (GraphQL + Apollo Sandbox)  ${router}/graphql
  Subscriptions (graphql-ws)         ws://localhost:${configs.router.port}/graphql
${rows.join('\n')}${metricsRow}
  Data                               ${(configs.subgraphs[0] as ServiceBaseConfig).dataDir.replace(/[/\\][^/\\]+$/, '')}

  Press Ctrl-C to stop.
`);
  },
);
