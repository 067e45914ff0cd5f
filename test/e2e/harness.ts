/**
 * Boots the whole supergraph for end-to-end tests: the three subgraphs and the router as real HTTP (and WebSocket)
 * servers on random ports, each subgraph with a fresh database (Postgres when TEST_DATABASE_URL is set, else PGlite),
 * and the router composing them from the committed supergraph, all sharing TEST_SUBGRAPH_SECRET. Tests talk to the
 * router, as a client would (a test that calls a subgraph directly signs as the router: `routerGql`).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadAuthConfig } from '@bloomzy/auth/config';
import { startAuthService, type RunningAuthService } from '@bloomzy/auth/service';
import { loadNotificationsConfig } from '@bloomzy/notifications/config';
import { startNotificationsService } from '@bloomzy/notifications/service';
import { loadPlantsConfig } from '@bloomzy/plants/config';
import { startPlantsService } from '@bloomzy/plants/service';
import { loadRouterConfig } from '@bloomzy/router/config';
import { startRouter } from '@bloomzy/router/server';
import type { Clock } from '@bloomzy/shared/clock';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import { prismaProject } from '@bloomzy/shared/paths';
import type { RunningService } from '@bloomzy/shared/service';
import { gql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { createTestDatabase, type TestDatabaseKind } from '@bloomzy/shared/testing/test-database';

export interface Stack {
  routerUrl: string;
  wsUrl: string;
  auth: RunningAuthService;
  plants: Awaited<ReturnType<typeof startPlantsService>>;
  notifications: Awaited<ReturnType<typeof startNotificationsService>>;
  coordination: Coordination;
  dispatchIntervalMs: number;
  /** A GraphQL request to the router. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** A graphql-ws client connected to the router with these connection params. */
  wsClient(connectionParams?: Record<string, unknown>): Client;
  stop(): Promise<void>;
}

const e2eDatabaseKind = (): TestDatabaseKind => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

export interface StackOptions {
  /** Clock for every service (tokens are verified against real time, so keep it near now). */
  clock?: Clock;
  /** Clock for the notifications service only: moving it makes reminders fall due without touching tokens. */
  notificationsClock?: Clock;
  /** Clock for the plants service only: moving it turns seasons (care tips) without touching tokens. */
  plantsClock?: Clock;
  env?: Record<string, string>;
  /** The router's own variables on top of `env` (e.g. NODE_ENV=production for a router that hides internals). */
  routerEnv?: Record<string, string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const logger = createLogger({ service: 'e2e', level: 'error' });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-e2e-'));
  // One secret for all: the subgraphs answer the router (and each other's credential requests) only.
  const common = { NODE_ENV: 'test', DATA_DIR: dataDir, SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET, ...options.env };
  const coordination = await createCoordination({ logger });
  const kind = e2eDatabaseKind();
  const [authDb, plantsDb, notificationsDb] = await Promise.all([
    createTestDatabase(prismaProject('auth'), kind),
    createTestDatabase(prismaProject('plants'), kind),
    createTestDatabase(prismaProject('notifications'), kind),
  ]);
  const clock = options.clock ? { clock: options.clock } : {};
  const services: RunningService[] = [];
  const auth = await startAuthService({
    config: loadAuthConfig({ ...common, AUTH_HOST: '127.0.0.1', AUTH_PORT: '0' }),
    coordination,
    logger,
    database: authDb,
    ...clock,
  });
  services.push(auth);
  const AUTH_URL = auth.url.replace(/\/graphql$/, '');
  const plants = await startPlantsService({
    config: loadPlantsConfig({ ...common, AUTH_URL, PLANTS_HOST: '127.0.0.1', PLANTS_PORT: '0' }),
    coordination,
    logger,
    database: plantsDb,
    ...(options.plantsClock ? { clock: options.plantsClock } : clock),
  });
  services.push(plants);
  const notifications = await startNotificationsService({
    config: loadNotificationsConfig({
      ...common,
      AUTH_URL,
      NOTIFICATIONS_HOST: '127.0.0.1',
      NOTIFICATIONS_PORT: '0',
      DISPATCH_INTERVAL_MS: '200',
    }),
    coordination,
    logger,
    database: notificationsDb,
    ...(options.notificationsClock ? { clock: options.notificationsClock } : clock),
  });
  services.push(notifications);
  const router = await startRouter({
    config: loadRouterConfig({
      ...common,
      ROUTER_HOST: '127.0.0.1',
      ROUTER_PORT: '0',
      AUTH_URL,
      SUBGRAPH_AUTH_URL: auth.url,
      SUBGRAPH_PLANTS_URL: plants.url,
      SUBGRAPH_NOTIFICATIONS_URL: notifications.url,
      ...options.routerEnv,
    }),
    logger,
    revocations: coordination.revocations,
  });
  services.push(router);
  const clients: Client[] = [];
  return {
    routerUrl: router.url,
    wsUrl: router.url.replace(/^http/, 'ws'),
    auth,
    plants,
    notifications,
    coordination,
    dispatchIntervalMs: 200,
    query: (q, variables = {}, headers = {}) => gql(router.url, q, variables, headers),
    wsClient(connectionParams = {}) {
      const client = createClient({
        url: router.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      // A test may already have stopped a service (to see what clients notice); stopping twice is harmless.
      for (const service of services.reverse()) await service.stop().catch(() => undefined);
      await coordination.close();
    },
  };
}

/** Signs up a fresh user through the router; returns tokens and a ready Authorization header. */
export async function signupUser(stack: Stack, overrides: Record<string, unknown> = {}) {
  const email = `e2e-${Math.random().toString(36).slice(2, 10)}@bloomzy.test`;
  const res = await stack.query<{
    signup: { accessToken: string; refreshToken: string; user: { id: string; email: string } };
  }>('mutation($input: SignupInput!) { signup(input: $input) { accessToken refreshToken user { id email } } }', {
    input: { email, password: 'green-thumb-1', ...overrides },
  });
  if (!res.data) throw new Error(`signup failed: ${JSON.stringify(res.errors)}`);
  const { accessToken, refreshToken, user } = res.data.signup;
  return {
    email,
    password: 'green-thumb-1',
    accessToken,
    refreshToken,
    user,
    headers: { authorization: `Bearer ${accessToken}` },
  };
}
