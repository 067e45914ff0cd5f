/**
 * Starts the notifications subgraph: database (migrated when embedded), the reminder engine's event consumers, the
 * dispatcher loop, GraphQL over HTTP and graphql-ws on /graphql.
 */
import { remoteVerifier, type CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { systemClock, type Clock } from '@bloomzy/shared/clock';
import { openServiceDatabase, type OpenedDatabase } from '@bloomzy/shared/db/open';
import type { Coordination } from '@bloomzy/shared/coordination';
import type { Logger } from '@bloomzy/shared/logger';
import type { RunningService } from '@bloomzy/shared/service';
import { startSubgraph } from '@bloomzy/shared/subgraph';
import type { NotificationsConfig } from './config.js';
import { contextFactory } from './context.js';
import { createNotificationsDb } from './db/client.js';
import { createDispatcher, type Dispatcher } from './dispatch/dispatcher.js';
import type { FetchLike } from './dispatch/webhook.js';
import type { NotificationsDeps } from './domain/deps.js';
import { startEventConsumers } from './engine/consumers.js';
import { attachSubscriptions } from './live/subscriptions.js';
import { resolvers } from './resolvers/index.js';

export interface NotificationsServiceOptions {
  config: NotificationsConfig;
  coordination: Coordination;
  logger: Logger;
  /** Tests inject a ManualClock here; production always runs on the system clock (there is no env switch). */
  clock?: Clock;
  /** An already-open database (tests); otherwise opened from config. */
  database?: OpenedDatabase;
  /** Credential verifier (tests use createTestAuth's); otherwise auth's JWKS and API-key introspection at AUTH_URL. */
  verifier?: CredentialVerifier;
  /** HTTP client for webhooks (tests may stub it); the global fetch otherwise. */
  fetch?: FetchLike;
  /** Run the dispatcher loop (default true). Tests turn it off and call `dispatcher.runOnce()` after moving the clock. */
  dispatchLoop?: boolean;
}

export interface RunningNotificationsService extends RunningService {
  deps: NotificationsDeps;
  dispatcher: Dispatcher;
}

export async function startNotificationsService(
  options: NotificationsServiceOptions,
): Promise<RunningNotificationsService> {
  const { config, coordination, logger } = options;
  const database = await openServiceDatabase(config, 'notifications', options.database);
  const db = createNotificationsDb(database.adapter);
  let dispatcher: Dispatcher | undefined;
  const deps: NotificationsDeps = {
    db,
    config,
    pubsub: coordination.pubsub,
    rateLimiter: coordination.rateLimiter,
    clock: options.clock ?? systemClock,
    logger,
    wakeDispatcher: () => dispatcher?.wake(),
  };
  dispatcher = createDispatcher({ deps, intervalMs: config.dispatchIntervalMs, fetch: options.fetch });
  const verifier = options.verifier ?? remoteVerifier(config.authUrl, coordination.revocations);
  const consumers = startEventConsumers(coordination.events, deps);
  const subgraph = await startSubgraph({
    name: 'notifications',
    host: config.host,
    port: config.port,
    production: config.production,
    logger,
    resolvers,
    context: contextFactory(deps, verifier),
    ready: async () => (await db.$queryRaw`SELECT 1`, true),
    attach: attachSubscriptions({ deps, verifier, production: config.production, logger }),
  });
  // Started last, once everything it publishes to is up; its first run delivers what fell due while we were down.
  if (options.dispatchLoop ?? true) dispatcher.start();
  logger.info(`notifications subgraph ready at ${subgraph.url} (database: ${database.kind}, ${database.location})`);
  const running = dispatcher;
  return {
    name: 'notifications',
    url: subgraph.url,
    port: subgraph.port,
    deps,
    dispatcher: running,
    stop: async () => {
      await running.stop();
      await consumers.stop();
      await subgraph.stop();
      await db.$disconnect();
      await database.close();
    },
  };
}
