/**
 * The production topology as real OS processes, for end-to-end tests: every service is its own `node` process started
 * from its `main.ts`, configured only through environment variables, on fresh Postgres databases and a Redis logical
 * database of its own. Tests get the processes (to kill one), the database URLs (to check what was stored) and the
 * routers' URLs (to talk to them as a client would).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { Redis } from 'ioredis';
import pg from 'pg';
import { generateSigningJwk } from '@bloomzy/auth/tokens/signing-keys';
import { ROUTER_NODE_FLAGS } from '@bloomzy/router/node-flags';
import { applyMigrations } from '@bloomzy/shared/db/migrations';
import { prismaProject } from '@bloomzy/shared/paths';
import { freePorts } from './ports.js';
import { startService, waitUntilReady, type ServiceProcess } from './service-process.js';

type DatabaseName = 'auth' | 'plants' | 'notifications';

interface E2eDatabases {
  urls: Record<DatabaseName, string>;
  /** Drops them, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

/** Three empty databases `bloomzy_e2e_<random>_<name>` on the server of `adminUrl`, migrated as `npm run db:migrate` does. */
async function createE2eDatabases(adminUrl: string): Promise<E2eDatabases> {
  const run = randomBytes(4).toString('hex');
  const names: DatabaseName[] = ['auth', 'plants', 'notifications'];
  const dbName = (name: DatabaseName) => `bloomzy_e2e_${run}_${name}`;
  const admin = async (sql: string[]) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      for (const statement of sql) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const urls = Object.fromEntries(
    names.map((name) => {
      const url = new URL(adminUrl);
      url.pathname = `/${dbName(name)}`;
      return [name, url.toString()];
    }),
  ) as Record<DatabaseName, string>;
  const drop = () => admin(names.map((name) => `DROP DATABASE IF EXISTS "${dbName(name)}" WITH (FORCE)`));
  try {
    await admin(names.map((name) => `CREATE DATABASE "${dbName(name)}"`));
    await Promise.all(
      names.map((name) => applyMigrations(prismaProject(name), new PrismaPg({ connectionString: urls[name] }))),
    );
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { urls, drop };
}

interface E2eRedis {
  /** REDIS_URL for the services: the same server, this run's logical database. */
  url: string;
  index: number;
  /** A connection to that database (the test's own checks). */
  client: Redis;
  /** Empties the database and closes the connection. */
  release(): Promise<void>;
}

const OWNER_KEY = 'bloomzy-e2e:owner';

/**
 * A Redis logical database (1–15) for this run alone. The services' Redis keys have fixed prefixes (`bloomzy:events:`,
 * consumer group `notifications`, …), so runs sharing a database would consume each other's events; streams, rate
 * limits and revocations are per database. Pub/sub channels are server-wide, but topics are per user id (random),
 * so that cross-talk is harmless. A database is taken only when it is empty or holds nothing but Bloomzy keys left by
 * a crashed run, and is claimed with SET NX, so two concurrent runs never share one and nobody else's data is flushed.
 */
async function claimRedisDatabase(redisUrl: string): Promise<E2eRedis> {
  const base = new URL(redisUrl);
  const baseIndex = Number(base.pathname.replace(/^\//, '') || '0');
  const runId = randomBytes(6).toString('hex');
  const candidates = Array.from({ length: 15 }, (_, i) => i + 1)
    .filter((i) => i !== baseIndex)
    .sort(() => Math.random() - 0.5);
  for (const index of candidates) {
    const url = new URL(base);
    url.pathname = `/${index}`;
    const redis = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 3 });
    redis.on('error', () => undefined); // tests that stop Redis see the outage through the services, not here
    await redis.connect();
    const claimed = (await redis.set(OWNER_KEY, runId, 'EX', 900, 'NX')) === 'OK';
    const keys = claimed ? await redis.keys('*') : [];
    if (claimed && keys.every((k) => k === OWNER_KEY || k.startsWith('bloomzy:'))) {
      await redis.flushdb();
      await redis.set(OWNER_KEY, runId, 'EX', 900);
      return {
        url: url.toString(),
        index,
        client: redis,
        release: async () => {
          await redis.flushdb();
          await redis.quit();
        },
      };
    }
    if (claimed) await redis.del(OWNER_KEY);
    await redis.quit();
  }
  throw new Error('No free Redis logical database (1–15) for the e2e run');
}

/** A fresh directory under the OS temp dir (auth keeps its generated signing key there); removed by the returned function. */
async function tempDir(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The notifications instances' claim lease is derived from this (see dispatch/claims.ts); 100 ms is the smallest allowed. */
export const WEBHOOK_TIMEOUT_MS = 100;
/** The dispatchers claim what falls due within this before it is due (the tests' setting; production's default is 5 s). */
export const DISPATCH_LOOKAHEAD_MS = 1_000;

export interface Topology {
  auth: ServiceProcess;
  plants: ServiceProcess;
  notificationsA: ServiceProcess;
  notificationsB: ServiceProcess;
  /** → notifications A */
  router1: ServiceProcess;
  /** → notifications B */
  router2: ServiceProcess;
  databases: E2eDatabases;
  redis: E2eRedis;
  /** Every process's recent output, for failure reports. */
  output(): string;
  /**
   * Starts `service` again, as it was started (same port and variables), once its process has exited (kill it
   * first); resolves with the new process once its /ready answers. stop() stops it with the others.
   */
  restart(service: ServiceProcess): Promise<ServiceProcess>;
  /** Stops every process (routers first), then drops the databases and empties the Redis database. */
  stop(): Promise<void>;
}

/**
 * Boots the production topology: auth, plants and notifications A and B (INSTANCE_ID notifications-a/-b, one
 * database, dispatching every 200 ms unless `production`), then router 1 (→ A) and router 2 (→ B), with `routerEnv`
 * added to the routers' variables and `env` to every process's. Resolves once every /ready answers.
 */
export async function startTopology(
  adminDatabaseUrl: string,
  redisUrl: string,
  options: {
    routerEnv?: Record<string, string>;
    env?: Record<string, string>;
    /**
     * Benchmarks: run as the image does — NODE_ENV=production (graphql-js without its development checks, JSON logs,
     * no stack traces), auth with signing keys of its own (unless `env` brings AUTH_SIGNING_KEYS), and the
     * dispatcher's configured defaults (a 1 s interval, batches of 500) instead of the tests' fast settings below.
     */
    production?: boolean;
    /** How long each process may take to answer /ready (default 60 s); a V8 profiler in every process slows start-up. */
    readyTimeoutMs?: number;
    /** Node flags every process gets besides its own (benchmarks: --cpu-prof). */
    nodeFlags?: readonly string[];
  } = {},
): Promise<Topology> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const databases = await createE2eDatabases(adminDatabaseUrl);
  const redis = await claimRedisDatabase(redisUrl).catch(async (error: unknown) => {
    await databases.drop();
    throw error;
  });
  const data = await tempDir('bloomzy-e2e-production-');
  const processes: ServiceProcess[] = [];
  const output = () => processes.map((p) => p.output()).join('\n');
  const stop = async () => {
    const routers = processes.filter((p) => p.name.startsWith('router'));
    await Promise.all(routers.map((p) => p.stop()));
    await Promise.all(processes.filter((p) => !routers.includes(p)).map((p) => p.stop()));
    // Each clean-up runs even if another fails; the first failure is reported.
    const results = await Promise.allSettled([databases.drop(), redis.release(), data.remove()]);
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  };
  // Six service ports, then one METRICS_PORT per process.
  const [authPort, plantsPort, aPort, bPort, router1Port, router2Port, ...metricsPorts] = (await freePorts(12)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    ...number[],
  ];
  // DATA_DIR: auth's generated signing key goes there (NODE_ENV=test); nothing else writes to disk with Postgres URLs.
  const common = {
    REDIS_URL: redis.url,
    AUTH_URL: `http://127.0.0.1:${authPort}`,
    DATA_DIR: data.dir,
    // Each run its own: every service shares it, and nothing outside this topology can sign for it.
    SUBGRAPH_SECRET: randomBytes(32).toString('base64url'),
    ...(options.production
      ? {
          NODE_ENV: 'production',
          LOG_JSON: 'true',
          AUTH_SIGNING_KEYS: JSON.stringify({ keys: [await generateSigningJwk()] }),
        }
      : {}),
    ...options.env,
  };
  const started = new Map<ServiceProcess, Parameters<typeof startService>[0]>();
  const start = (
    name: string,
    entry: string,
    port: number,
    env: Record<string, string>,
    metricsPort = metricsPorts[processes.length] ?? 0,
  ) => {
    // The caller's `env` wins over these per-service test settings (benchmarks restore production defaults).
    const nodeFlags = [...(entry.startsWith('router/') ? ROUTER_NODE_FLAGS : []), ...(options.nodeFlags ?? [])];
    const settings = { name, entry, port, metricsPort, env: { ...common, ...env, ...options.env }, nodeFlags };
    const service = startService(settings);
    processes.push(service);
    started.set(service, settings);
    return service;
  };
  const restart = async (service: ServiceProcess) => {
    const options = started.get(service);
    if (!options) throw new Error(`${service.name} is not a process of this topology`);
    await service.exited;
    const again = start(options.name, options.entry, options.port, options.env, options.metricsPort);
    await waitUntilReady(again, '/ready', 60_000);
    return again;
  };
  const notifications = (instance: 'a' | 'b', port: number) =>
    start(`notifications-${instance}`, 'subgraphs/notifications/src/main.ts', port, {
      NOTIFICATIONS_HOST: '127.0.0.1',
      NOTIFICATIONS_PORT: String(port),
      NOTIFICATIONS_DATABASE_URL: databases.urls.notifications,
      INSTANCE_ID: `notifications-${instance}`,
      ...(options.production
        ? {}
        : {
            DISPATCH_INTERVAL_MS: '200',
            // Small batches, so both instances share a burst of due reminders and an instance killed mid-dispatch
            // holds claims it never completed (one batch of 500 would go to whichever instance woke first, in one
            // commit).
            DISPATCH_BATCH_SIZE: '5',
          }),
      WEBHOOK_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
      DISPATCH_LOOKAHEAD_MS: String(DISPATCH_LOOKAHEAD_MS),
    });
  try {
    const auth = start('auth', 'subgraphs/auth/src/main.ts', authPort, {
      AUTH_HOST: '127.0.0.1',
      AUTH_PORT: String(authPort),
      AUTH_DATABASE_URL: databases.urls.auth,
    });
    const plants = start('plants', 'subgraphs/plants/src/main.ts', plantsPort, {
      PLANTS_HOST: '127.0.0.1',
      PLANTS_PORT: String(plantsPort),
      PLANTS_DATABASE_URL: databases.urls.plants,
    });
    const notificationsA = notifications('a', aPort);
    const notificationsB = notifications('b', bPort);
    await Promise.all(
      [auth, plants, notificationsA, notificationsB].map((s) => waitUntilReady(s, '/ready', readyTimeoutMs)),
    );
    const router = (name: string, port: number, notificationsUrl: string) =>
      start(name, 'router/src/main.ts', port, {
        ROUTER_HOST: '127.0.0.1',
        ROUTER_PORT: String(port),
        SUBGRAPH_AUTH_URL: auth.graphqlUrl,
        SUBGRAPH_PLANTS_URL: plants.graphqlUrl,
        SUBGRAPH_NOTIFICATIONS_URL: notificationsUrl,
        ...options.routerEnv,
      });
    const router1 = router('router-1', router1Port, notificationsA.graphqlUrl);
    const router2 = router('router-2', router2Port, notificationsB.graphqlUrl);
    await Promise.all([router1, router2].map((s) => waitUntilReady(s, '/ready', readyTimeoutMs)));
    return { auth, plants, notificationsA, notificationsB, router1, router2, databases, redis, output, restart, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
