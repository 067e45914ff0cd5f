/**
 * The auth subgraph as its integration tests (and other packages' tests) see it: a real HTTP server on a random port
 * over a fresh database of the given kind, in-memory coordination (revocations, rate limiter, event bus), its own
 * signing keys in a throw-away data directory, and TEST_SUBGRAPH_SECRET: tests call it as the router (`routerGql`).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type MemoryRevocationStore } from '@bloomzy/shared/auth/revocations';
import type { Clock } from '@bloomzy/shared/clock';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import { prismaProject } from '@bloomzy/shared/paths';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { createTestDatabase, type TestDatabaseKind } from '@bloomzy/shared/testing/test-database';
import { loadAuthConfig } from '../config.js';
import { startAuthService, type RunningAuthService } from '../service.js';

export interface AuthHarness extends RunningAuthService {
  coordination: Coordination;
  revocations: MemoryRevocationStore;
}

/** `env` adds configuration variables (e.g. ADMIN_EMAILS); `clock` replaces the system clock. */
export async function startAuthHarness(
  kind: TestDatabaseKind,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<AuthHarness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-auth-'));
  const config = loadAuthConfig({
    AUTH_PORT: '0',
    AUTH_HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
    ...options.env,
  });
  const logger = createLogger({ service: 'auth', level: 'error' });
  const coordination = await createCoordination({ logger });
  const database = await createTestDatabase(prismaProject('auth'), kind);
  const service = await startAuthService({
    config,
    coordination,
    logger,
    database,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    ...service,
    coordination,
    revocations: coordination.revocations as MemoryRevocationStore,
    stop: async () => {
      await service.stop();
      await coordination.close();
    },
  };
}
