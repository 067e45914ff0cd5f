/**
 * Starts the notifications subgraph: database (migrated when embedded), the reminder engine's event consumers, the
 * dispatcher loop, GraphQL over HTTP and graphql-ws on /graphql.
 */
import { serviceCredentials } from '@bloomzy/shared/auth/service-credential';
import { remoteVerifier, type CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { systemClock, type Clock } from '@bloomzy/shared/clock';
import type { Coordination } from '@bloomzy/shared/coordination';
import { openServiceDatabase, type OpenedDatabase } from '@bloomzy/shared/db/open';
import type { Logger } from '@bloomzy/shared/logger';
import type { RunningService } from '@bloomzy/shared/service';
import { startSubgraph } from '@bloomzy/shared/subgraph';
import type { NotificationsConfig } from './config.js';
import { contextFactory } from './context.js';
import { createNotificationsDb } from './db/client.js';
import { createExternalChannels, type ExternalChannels } from './delivery/channels.js';
import type { Sleep } from './delivery/retry.js';
import { unsubscribeRoutes } from './delivery/unsubscribe-route.js';
import type { FetchLike } from './delivery/webhook.js';
import { startEventConsumers } from './events/consumers.js';
import { watchOverdue } from './jobs/dispatch-metrics.js';
import { createDispatcher, type Dispatcher } from './jobs/dispatcher.js';
import { attachSubscriptions } from './live/subscriptions.js';
import { resolvers } from './resolvers/index.js';
import type { NotificationsRuntime } from './runtime.js';

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
  /** How EMAIL/WEB_PUSH wait between retries (tests resolve at once); real time otherwise. */
  channelSleep?: Sleep;
}

export interface RunningNotificationsService extends RunningService {
  runtime: NotificationsRuntime;
  dispatcher: Dispatcher;
  /** EMAIL and WEB_PUSH senders (tests wait on `channels.idle()`). */
  channels: ExternalChannels;
}

export async function startNotificationsService(
  options: NotificationsServiceOptions,
): Promise<RunningNotificationsService> {
  const { config, coordination, logger } = options;
  // First: a bad secret file stops the service before anything is opened.
  const credentials = await serviceCredentials(config, 'notifications');
  const database = await openServiceDatabase(config, 'notifications', options.database);
  const db = createNotificationsDb(database.adapter);
  const runtime: NotificationsRuntime = {
    db,
    config,
    pubsub: coordination.pubsub,
    rateLimiter: coordination.rateLimiter,
    clock: options.clock ?? systemClock,
    logger,
    // Called only once the service runs, by which time `dispatcher` below is set.
    wakeDispatcher: () => dispatcher.wake(),
  };
  const channels = createExternalChannels(runtime, {
    ...(options.channelSleep ? { sleep: options.channelSleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const dispatcher = createDispatcher({
    runtime,
    intervalMs: config.dispatchIntervalMs,
    lookaheadMs: config.dispatchLookaheadMs,
    batchSize: config.dispatchBatchSize,
    batchesInFlight: config.dispatchBatchesInFlight,
    concurrency: config.dispatchConcurrency,
    fetch: options.fetch,
    channels,
  });
  const verifier = options.verifier ?? remoteVerifier(config.authUrl, coordination.revocations, credentials);
  const consumers = startEventConsumers(coordination.events, runtime);
  const unwatchOverdue = watchOverdue(db, runtime.clock);
  const subgraph = await startSubgraph({
    name: 'notifications',
    config,
    logger,
    credentials,
    database: { opened: database, client: db },
    coordination,
    // The dispatcher first: a batch in hand is sent and recorded before the database closes.
    // The email/push sender after it: the dispatcher's last batch may still hand it work.
    background: [dispatcher, channels, consumers, { stop: async () => unwatchOverdue() }],
    resolvers,
    context: contextFactory(runtime, verifier),
    routes: unsubscribeRoutes(runtime),
    attach: attachSubscriptions({ runtime, verifier, credentials, production: config.production, logger }),
  });
  // Started last, once everything it publishes to is up; its first run delivers what fell due while we were down.
  if (options.dispatchLoop ?? true) dispatcher.start();
  return { ...subgraph, runtime, dispatcher, channels };
}
