/**
 * `npm start`: the whole supergraph in one process with no external services — the router on :4000, the three
 * subgraphs on :4001–4003, embedded PGlite databases under .data/ (they survive restarts), in-memory pub/sub and
 * event bus shared by the subgraphs. Ctrl-C stops everything cleanly.
 * Each service reads its own configuration module, so the same variables as in production apply (ports, DATA_DIR...).
 */
import { loadOrExit } from '../subgraphs/shared/src/config.js';
import { createInfrastructure } from '../subgraphs/shared/src/infrastructure.js';
import { createLogger } from '../subgraphs/shared/src/logger.js';
import { runUntilSignal, type RunningService } from '../subgraphs/shared/src/service.js';
import { loadAuthConfig } from '../subgraphs/auth/src/config.js';
import { startAuthService } from '../subgraphs/auth/src/service.js';
import { loadPlantsConfig } from '../subgraphs/plants/src/config.js';
import { startPlantsService } from '../subgraphs/plants/src/service.js';
import { loadNotificationsConfig } from '../subgraphs/notifications/src/config.js';
import { startNotificationsService } from '../subgraphs/notifications/src/service.js';
import { loadRouterConfig } from '../router/src/config.js';
import { startRouter } from '../router/src/server.js';

// One process runs everything, so the in-memory bus and revocation list really are shared; Redis would be pointless.
const env: Record<string, string | undefined> = { ...process.env, REDIS_URL: '' };
const configs = loadOrExit(() => ({
  auth: loadAuthConfig(env),
  plants: loadPlantsConfig(env),
  notifications: loadNotificationsConfig(env),
  router: { ...loadRouterConfig(env, process.argv.slice(2)), jwksUrlSet: Boolean(env.AUTH_JWKS_URL) },
  authUrlSet: Boolean(env.AUTH_URL),
}));
const logger = createLogger({ service: 'bloomzy', json: configs.router.logJson });
const started = Date.now();

await runUntilSignal(
  async () => {
    const infra = await createInfrastructure({ logger });
    const services: RunningService[] = [];
    const stopAll = async () => {
      for (const service of services.reverse()) {
        const started = Date.now();
        await service.stop().catch((e: unknown) => logger.error(`stopping ${service.name} failed`, { error: e }));
        logger.info(`${service.name} stopped in ${Date.now() - started} ms`);
      }
      await infra.close();
    };
    try {
      // The three databases boot side by side (PGlite start-up is most of the wait); plants and notifications only
      // fetch auth's JWKS on their first authenticated request.
      const auth = startAuthService({ config: configs.auth, infra, logger: logger.child('auth') });
      const authUrl = configs.authUrlSet ? configs.plants.authUrl : `http://localhost:${configs.auth.port}`;
      const [a, plants, notifications] = await Promise.all([
        auth,
        startPlantsService({ config: { ...configs.plants, authUrl }, infra, logger: logger.child('plants') }),
        startNotificationsService({
          config: { ...configs.notifications, authUrl },
          infra,
          logger: logger.child('notifications'),
        }),
      ]);
      services.push(a, plants, notifications);
      // The router talks to the ports the subgraphs really got (AUTH_PORT=… npm start works), unless overridden.
      const actual = { auth: a.url, plants: plants.url, notifications: notifications.url };
      const router = { ...configs.router, subgraphUrls: { ...actual, ...configs.router.subgraphUrls } };
      router.jwksUrl = configs.router.jwksUrlSet ? router.jwksUrl : `${new URL(a.url).origin}/.well-known/jwks.json`;
      router.apiKeyIntrospectionUrl = `${new URL(authUrl).origin}/internal/api-keys/introspect`;
      services.push(
        await startRouter({ config: router, logger: logger.child('router'), revocations: infra.revocations }),
      );
    } catch (error) {
      await stopAll();
      throw error;
    }
    return { stop: stopAll };
  },
  () => {
    const router = `http://localhost:${configs.router.port}`;
    console.log(`
  Bloomzy is up in ${((Date.now() - started) / 1000).toFixed(1)} s

  Router (GraphQL + Apollo Sandbox)  ${router}/graphql
  Subscriptions (graphql-ws)         ws://localhost:${configs.router.port}/graphql
  Auth subgraph                      http://localhost:${configs.auth.port}/graphql
  Plants subgraph                    http://localhost:${configs.plants.port}/graphql
  Notifications subgraph             http://localhost:${configs.notifications.port}/graphql
  Data                               ${configs.auth.dataDir.replace(/[/\\]auth$/, '')}

  Press Ctrl-C to stop.
`);
  },
);
