/**
 * A real notifications service for integration tests: HTTP + graphql-ws on port 0, a fresh database of the given
 * kind, test-signed tokens, TEST_SUBGRAPH_SECRET (tests call it as the router does), in-memory (or given)
 * infrastructure and a ManualClock. The dispatcher loop is off: tests move the clock and call `dispatcher.runOnce()`,
 * so nothing depends on timing.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '@bloomzy/shared/clock';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import type { OpenedDatabase } from '@bloomzy/shared/db/open';
import { createLogger } from '@bloomzy/shared/logger';
import { MemoryEventBus } from '@bloomzy/shared/messaging/event-bus';
import {
  CARE_SCHEDULE_STREAM,
  USER_PROFILE_STREAM,
  type CareScheduleEvent,
  type UserProfileEvent,
} from '@bloomzy/shared/messaging/topics';
import { prismaProject } from '@bloomzy/shared/paths';
import { routerGql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { createTestAuth, type TestAuth } from '@bloomzy/shared/testing/test-auth';
import { createTestDatabase, type TestDatabaseKind } from '@bloomzy/shared/testing/test-database';
import { loadNotificationsConfig } from '../config.js';
import type { NotificationsDb } from '../db/client.js';
import type { FetchLike } from '../delivery/webhook.js';
import { startNotificationsService, type RunningNotificationsService } from '../service.js';
import { ObservedPubSub } from './observed-pubsub.js';

export interface Harness {
  service: RunningNotificationsService;
  db: NotificationsDb;
  clock: ManualClock;
  auth: TestAuth;
  coordination: Coordination;
  /** The infrastructure's pub/sub, observed: `waitForSubscribers` replaces sleeping in subscription tests. */
  pubsub: ObservedPubSub;
  url: string;
  wsUrl: string;
  /** A GraphQL request as `userId`, through the router (its service credential, the user's token). */
  as<T = Record<string, unknown>>(
    userId: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Publishes a care-schedule event the way the plants service does, and waits until it is applied. */
  careEvent(
    event: Partial<CareScheduleEvent> & Pick<CareScheduleEvent, 'userId' | 'userPlantId'>,
  ): Promise<CareScheduleEvent>;
  profileEvent(event: Partial<UserProfileEvent> & Pick<UserProfileEvent, 'userId'>): Promise<void>;
  settle(): Promise<void>;
  /** Another instance over the same database, infrastructure and clock (stop it before the harness). */
  startPeer(options?: {
    instanceId?: string;
    dispatchLoop?: boolean;
    fetch?: FetchLike;
    coordination?: Coordination;
  }): Promise<RunningNotificationsService>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  start?: string;
  fetch?: FetchLike;
  /** Shared infrastructure (Redis tests); the harness then leaves closing it to the caller. */
  coordination?: Coordination;
  /** A database shared by several instances; closing it is left to the caller. */
  database?: OpenedDatabase;
  instanceId?: string;
  /** More configuration variables (SMTP_URL, VAPID keys…). */
  env?: Record<string, string>;
  /** How EMAIL/WEB_PUSH retries wait; at once unless given. */
  channelSleep?: (ms: number) => Promise<void>;
}

export async function startHarness(kind: TestDatabaseKind, options: HarnessOptions = {}): Promise<Harness> {
  const logger = createLogger({ service: 'notifications-test', level: 'error' });
  const clock = new ManualClock(options.start ?? '2026-03-02T06:00:00Z');
  const auth = await createTestAuth();
  const baseInfra = options.coordination ?? (await createCoordination({ logger }));
  const pubsub = new ObservedPubSub(baseInfra.pubsub);
  const coordination: Coordination = { ...baseInfra, pubsub };
  // The service closes the database it is given when it stops; a shared one must outlive each instance.
  const database = options.database
    ? { ...options.database, close: async () => {} }
    : await createTestDatabase(prismaProject('notifications'), kind);
  const configFor = (instanceId: string) =>
    loadNotificationsConfig({
      NODE_ENV: 'test',
      NOTIFICATIONS_HOST: '127.0.0.1',
      NOTIFICATIONS_PORT: '0',
      WEBHOOK_TIMEOUT_MS: '2000',
      INSTANCE_ID: instanceId,
      SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
      // The manual clock moves only when a test moves it: claiming ahead would wait on real timers for nothing.
      DISPATCH_LOOKAHEAD_MS: '0',
      ...options.env,
    });
  const config = configFor(options.instanceId ?? `test-${randomUUID().slice(0, 8)}`);
  const service = await startNotificationsService({
    config,
    coordination,
    logger,
    clock,
    database,
    verifier: auth.verifier,
    fetch: options.fetch,
    dispatchLoop: false,
    // Retries of email and push must not make tests wait.
    channelSleep: options.channelSleep ?? (async () => undefined),
  });
  // In-memory bus: wait for deliveries; Redis bus: the caller polls.
  const settle = async () => {
    if (coordination.events instanceof MemoryEventBus) await coordination.events.drain();
  };
  let eventCounter = 0;
  return {
    service,
    db: service.runtime.db,
    clock,
    auth,
    coordination,
    pubsub,
    url: service.url,
    wsUrl: service.url.replace(/^http/, 'ws'),
    async as(userId, query, variables = {}) {
      return routerGql(service, query, variables, { authorization: `Bearer ${await auth.token(userId)}` });
    },
    async careEvent(partial) {
      const event: CareScheduleEvent = {
        eventId: randomUUID(),
        nickname: 'Monty',
        nextWateringAt: null,
        reason: 'UPDATED',
        // Strictly increasing, so consecutive events in a test are each newer than the last.
        changedAt: new Date(clock.now().getTime() + ++eventCounter).toISOString(),
        ...partial,
      };
      await coordination.events.publish(CARE_SCHEDULE_STREAM, event);
      await settle();
      return event;
    },
    async profileEvent(partial) {
      const event: UserProfileEvent = {
        timezone: 'UTC',
        hemisphere: 'NORTHERN',
        language: 'en',
        notificationsEnabled: true,
        notifyInApp: true,
        changedAt: new Date(clock.now().getTime() + ++eventCounter).toISOString(),
        ...partial,
      };
      await coordination.events.publish(USER_PROFILE_STREAM, event);
      await settle();
    },
    settle,
    startPeer: (peer = {}) =>
      startNotificationsService({
        config: configFor(peer.instanceId ?? `peer-${randomUUID().slice(0, 8)}`),
        coordination: peer.coordination ?? coordination,
        logger,
        clock,
        database: { ...database, close: async () => {} },
        verifier: auth.verifier,
        fetch: peer.fetch,
        dispatchLoop: peer.dispatchLoop ?? false,
      }),
    async stop() {
      await service.stop();
      if (!options.coordination) await baseInfra.close();
    },
  };
}

/** Everything a test usually wants to read back about notifications. */
export const NOTIFICATION_FIELDS = `id type status title body priority channels scheduledFor sentAt openedAt actedAt dismissedAt
  cancelledAt action unread userPlant { id } userPlants { id } recipient { id }
  deliveryAttempts { channel attempt outcome httpStatus error }`;
