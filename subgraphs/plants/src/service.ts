/**
 * Starts the plants subgraph: database (migrated when embedded), the species catalog seed, the consumer that keeps
 * users' timezone and hemisphere current, the schedule reconciler, the seasonal-tips job, and GraphQL on /graphql.
 */
import { serviceCredentials } from '@bloomzy/shared/auth/service-credential';
import { remoteVerifier, type CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { systemClock, type Clock } from '@bloomzy/shared/clock';
import type { Coordination } from '@bloomzy/shared/coordination';
import { openServiceDatabase, type OpenedDatabase } from '@bloomzy/shared/db/open';
import type { Logger } from '@bloomzy/shared/logger';
import { createOutboxRelay, type Outbox, type OutboxRelay } from '@bloomzy/shared/messaging/outbox';
import type { RunningService } from '@bloomzy/shared/service';
import { startSubgraph } from '@bloomzy/shared/subgraph';
import { seedCatalog } from './catalog/seed-catalog.js';
import type { PlantsConfig } from './config.js';
import { contextFactory } from './context.js';
import { createPlantsDb } from './db/client.js';
import { consumeProfileEvents } from './events/profile-events.js';
import { createScheduleReconciler, type ScheduleReconciler } from './jobs/schedule-reconciler.js';
import { createSeasonalTips, type SeasonalTips } from './jobs/seasonal-tips.js';
import { resolvers } from './resolvers/index.js';
import type { PlantsRuntime } from './runtime.js';

export interface PlantsServiceOptions {
  config: PlantsConfig;
  coordination: Coordination;
  logger: Logger;
  clock?: Clock;
  /** An already-open database (tests); otherwise opened from config. */
  database?: OpenedDatabase;
  /** Verifies callers' credentials (tests pass one over their own keys); otherwise auth's JWKS and introspection. */
  verifier?: CredentialVerifier;
  /** Sees every SQL statement (tests count them). */
  onStatement?: (sql: string) => void;
  /**
   * Whether the schedule reconciler runs on its timer (default true). Tests pass false and call
   * `reconciler.runOnce()`, so no run fires in the middle of a test and nothing sleeps.
   */
  reconcileOnTimer?: boolean;
  /** Whether the seasonal-tips job runs on its timer (default true); tests call `seasonalTips.runOnce()`. */
  seasonalTipsOnTimer?: boolean;
  /**
   * Whether the outbox relay runs by itself (default true: at start, after each write, every second). Tests pass false
   * and call `outbox.runOnce()` (their harness's drain), so events are published when the test says.
   */
  relayOnTimer?: boolean;
  /** Wraps the outbox writers use (tests inject failed writes). */
  wrapOutbox?: (outbox: Outbox) => Outbox;
}

export interface RunningPlantsService extends RunningService {
  runtime: PlantsRuntime;
  reconciler: ScheduleReconciler;
  seasonalTips: SeasonalTips;
  outbox: OutboxRelay;
}

export async function startPlantsService(options: PlantsServiceOptions): Promise<RunningPlantsService> {
  const { config, coordination, logger } = options;
  // First: a bad secret file stops the service before anything is opened.
  const credentials = await serviceCredentials(config, 'plants');
  const database = await openServiceDatabase(config, 'plants', options.database);
  const db = createPlantsDb(database.adapter, { onStatement: options.onStatement });
  const outbox = createOutboxRelay({ db, events: coordination.events, logger });
  const runtime: PlantsRuntime = {
    db,
    events: coordination.events,
    outbox: options.wrapOutbox?.(outbox) ?? outbox,
    clock: options.clock ?? systemClock,
    logger,
  };
  const inserted = await seedCatalog(db);
  if (inserted > 0) logger.info(`seeded ${inserted} species into the catalog`);
  const verifier = options.verifier ?? remoteVerifier(config.authUrl, coordination.revocations, credentials);
  const profiles = consumeProfileEvents(runtime);
  const reconciler = createScheduleReconciler(runtime, { intervalMs: config.scheduleReconcileIntervalMs });
  if (options.reconcileOnTimer ?? true) reconciler.start();
  const seasonalTips = createSeasonalTips(runtime, { intervalMs: config.seasonalTipsIntervalMs });
  if (options.seasonalTipsOnTimer ?? true) seasonalTips.start();
  if (options.relayOnTimer ?? true) outbox.start();
  const subgraph = await startSubgraph({
    name: 'plants',
    config,
    logger,
    credentials,
    database: { opened: database, client: db },
    coordination,
    // The reconciler first: a run in progress finishes its batch (and writes what it confirmed to the outbox) before
    // the relay publishes its last batch and the database closes.
    background: [reconciler, seasonalTips, outbox, profiles],
    resolvers,
    context: contextFactory(runtime, verifier),
  });
  return { ...subgraph, runtime, reconciler, seasonalTips, outbox };
}
