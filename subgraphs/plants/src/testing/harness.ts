/**
 * The plants subgraph as its integration tests see it: a real HTTP server on a random port over a fresh database of
 * the given kind, an in-memory event bus whose care-schedule events are collected, an outbox whose writes can be made
 * to fail and whose relay runs on `drain()`, a manual clock, real ES256 tokens, a count of the SQL statements sent, the
 * schedule reconciler and seasonal-tips job off their timers (tests call `service.reconciler.runOnce()`,
 * `service.seasonalTips.runOnce()`), and TEST_SUBGRAPH_SECRET: tests call
 * it as the router does.
 */
import type { Role } from '@bloomzy/shared/auth/principal';
import { ManualClock } from '@bloomzy/shared/clock';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import type { OpenedDatabase } from '@bloomzy/shared/db/open';
import { createLogger } from '@bloomzy/shared/logger';
import { MemoryEventBus } from '@bloomzy/shared/messaging/event-bus';
import {
  CARE_SCHEDULE_STREAM,
  CARE_TIP_TOPIC,
  type CareScheduleEvent,
  type CareTipEvent,
} from '@bloomzy/shared/messaging/topics';
import { prismaProject } from '@bloomzy/shared/paths';
import { routerGql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { createTestAuth, type TestAuth } from '@bloomzy/shared/testing/test-auth';
import { createTestDatabase, type TestDatabaseKind } from '@bloomzy/shared/testing/test-database';
import { loadPlantsConfig } from '../config.js';
import { startPlantsService, type RunningPlantsService } from '../service.js';
import { FaultyOutbox } from './faulty-outbox.js';

/** A user the tests act as: their id and a client that sends their token (as the router forwards it). */
export interface TestUser {
  id: string;
  headers: Record<string, string>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export interface PlantsHarness {
  url: string;
  clock: ManualClock;
  auth: TestAuth;
  coordination: Coordination;
  /** The outbox the service writes its events to: `outbox.failNext()` makes its next write fail. */
  outbox: FaultyOutbox;
  service: RunningPlantsService;
  database: OpenedDatabase;
  /** Care-schedule events received so far (call `drain()` first). */
  events: CareScheduleEvent[];
  /** Seasonal care tips received so far (call `drain()` first). */
  tips: CareTipEvent[];
  /** SQL statements sent since the last `statements.length = 0`. */
  statements: string[];
  /** A fresh user (or admin) with a valid token. */
  user(role?: Role): Promise<TestUser>;
  anonymous: TestUser;
  /** Publishes what the outbox holds (its relay does not run by itself here) and waits until it is delivered. */
  drain(): Promise<void>;
  /** Starts a second service on the same database (seed idempotence); the caller stops it. */
  startAnother(): Promise<RunningPlantsService>;
  close(): Promise<void>;
}

export const START = '2026-04-15T09:00:00.000Z';

export async function startPlantsHarness(kind: TestDatabaseKind, start = START): Promise<PlantsHarness> {
  const logger = createLogger({ service: 'plants-test', level: 'error' });
  const clock = new ManualClock(start);
  const auth = await createTestAuth();
  const coordination = await createCoordination({ logger });
  const database = await createTestDatabase(prismaProject('plants'), kind);
  const statements: string[] = [];
  const config = loadPlantsConfig({
    NODE_ENV: 'test',
    PLANTS_HOST: '127.0.0.1',
    PLANTS_PORT: '0',
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
  });
  // The database belongs to the harness: services must not close it when they stop.
  const shared: OpenedDatabase = { ...database, close: async () => {} };
  let outbox: FaultyOutbox | undefined;
  const launch = () =>
    startPlantsService({
      config,
      coordination,
      relayOnTimer: false,
      wrapOutbox: (inner) => (outbox ??= new FaultyOutbox(inner)),
      logger,
      clock,
      database: shared,
      verifier: auth.verifier,
      onStatement: (sql) => statements.push(sql),
      reconcileOnTimer: false,
      seasonalTipsOnTimer: false,
    });
  const service = await launch();
  if (!outbox) throw new Error('the plants service did not build its outbox');
  const faultyOutbox = outbox;
  const events: CareScheduleEvent[] = [];
  coordination.events.consume<CareScheduleEvent>(
    CARE_SCHEDULE_STREAM,
    'test',
    async (event) => void events.push(event),
  );
  const tips: CareTipEvent[] = [];
  coordination.events.consume(CARE_TIP_TOPIC, 'test', async (event) => void tips.push(event));
  const client = (id: string, headers: Record<string, string>): TestUser => ({
    id,
    headers,
    gql: (query, variables) => routerGql(service, query, variables, headers),
  });
  return {
    url: service.url,
    clock,
    auth,
    coordination,
    outbox: faultyOutbox,
    service,
    database,
    events,
    tips,
    statements,
    anonymous: client('', {}),
    async user(role = 'USER') {
      const { authorization, userId } = await auth.headers(undefined, role);
      return client(userId, { authorization });
    },
    drain: async () => {
      await service.outbox.runOnce();
      if (coordination.events instanceof MemoryEventBus) await coordination.events.drain();
    },
    startAnother: launch,
    async close() {
      await service.stop();
      await coordination.close();
      await database.close();
    },
  };
}

/** The data of a response, failing the test with the errors when there are any. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}
