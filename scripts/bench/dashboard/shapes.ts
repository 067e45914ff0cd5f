/**
 * The two shapes the dashboard benchmark runs in: the production topology (every service its own process, Postgres,
 * Redis — test/e2e/processes.ts) and `npm start` (scripts/start.ts: one process, PGlite, in-memory bus), each started
 * with the test subgraph secret so the benchmark can call the plants subgraph directly as the router would.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROUTER_NODE_FLAGS } from '@bloomzy/router/node-flags';
import { repoRoot } from '@bloomzy/shared/paths';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { npmStartPorts } from '../../../test/e2e/npm-start-process.js';
import { startTopology } from '../../../test/e2e/processes.js';
import type { NamedPids } from './process-cpu.js';

export interface BenchShape {
  name: string;
  routerUrl: string;
  plantsUrl: string;
  /** Users seeded at once: npm start (every service and PGlite on one event loop) takes fewer. */
  seedConcurrency: number;
  /** The processes whose CPU is counted, by name (Postgres backends of the shape's databases as one group). */
  processes(): Promise<NamedPids[]>;
  /** SQL statements run so far, by process (from each process's bloomzy_sql_duration_seconds_count). */
  statements(): Promise<Map<string, number>>;
  /** Router query fetches so far that joined an identical one in flight (bloomzy_subgraph_fetches_shared_total). */
  sharedFetches(): Promise<number>;
  /** Events published and not yet handled by every consumer group (lag plus pending, as the services report them). */
  backlog(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * One benchmark user makes every request, which the per-client rate limits would refuse: lift them. Seeding writes
 * 50 plants' waterings in one mutation, which a busy machine may take longer than the default 10 s to answer.
 */
const UNLIMITED = {
  RATE_LIMIT_REQUESTS: '1000000000',
  RATE_LIMIT_COST: '1000000000',
  SUBGRAPH_TIMEOUT_MS: '60000',
  // The seed signs up BENCH_USERS users from one address.
  SIGNUPS_PER_CLIENT_PER_HOUR: '100000',
  // The seed's access tokens serve the whole run: seeding 50 users into npm start takes about 30 min, twice the
  // default 15 min lifetime, and expired tokens turned most requests into cheap UNAUTHENTICATED errors.
  ACCESS_TOKEN_TTL_SECONDS: '86400',
  // With one user (BENCH_USERS=1) every connection sends the same query and concurrent identical subgraph fetches are
  // shared in flight; SUBGRAPH_DEDUPLICATION=false measures the router without that.
  ...(process.env.SUBGRAPH_DEDUPLICATION ? { SUBGRAPH_DEDUPLICATION: process.env.SUBGRAPH_DEDUPLICATION } : {}),
};

/** The series of `names` in a process's Prometheus text, summed over all their labels. */
async function sumOfSeries(metricsUrl: string, names: readonly string[]): Promise<number> {
  const text = await fetch(metricsUrl).then((r) => r.text());
  let total = 0;
  for (const line of text.split('\n'))
    if (names.some((name) => line.startsWith(`${name}{`))) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  return total;
}

/** The event-bus backlog a process reports: its bloomzy_event_bus_lag and bloomzy_event_bus_pending series summed. */
const eventBacklog = (metricsUrl: string) =>
  sumOfSeries(metricsUrl, ['bloomzy_event_bus_lag', 'bloomzy_event_bus_pending']);

/** Router fetches that joined an identical one in flight, as the process counts them. */
const sharedFetchCount = (metricsUrl: string) => sumOfSeries(metricsUrl, ['bloomzy_subgraph_fetches_shared_total']);

/** Sums bloomzy_sql_duration_seconds_count series of a Prometheus text by their `service` label. */
async function statementCounts(metricsUrl: string): Promise<Map<string, number>> {
  const text = await fetch(metricsUrl).then((r) => r.text());
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('bloomzy_sql_duration_seconds_count')) continue;
    const service = /service="([^"]+)"/.exec(line)?.[1] ?? '?';
    counts.set(service, (counts.get(service) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return counts;
}

async function postgresBackends(adminUrl: string, databases: string[]): Promise<number[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()',
      [databases],
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/**
 * V8's own profiler on the command line (NODE_OPTIONS refuses --cpu-prof). An inspector session opened by a preload
 * instead kept the routers from ever answering /ready.
 */
const profileFlags = (cpuProfileDir: string | undefined): string[] =>
  cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, '--cpu-prof-interval=500'] : [];

/** `cpuProfileDir`: every service process writes V8 CPU profiles there (CPU.<date>.<pid>…cpuprofile) when it stops. */
export async function productionShape(adminUrl: string, redisUrl: string, cpuProfileDir?: string): Promise<BenchShape> {
  const topology = await startTopology(adminUrl, redisUrl, {
    env: {
      SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
      SIGNUPS_PER_CLIENT_PER_HOUR: UNLIMITED.SIGNUPS_PER_CLIENT_PER_HOUR,
      ACCESS_TOKEN_TTL_SECONDS: UNLIMITED.ACCESS_TOKEN_TTL_SECONDS,
    },
    routerEnv: UNLIMITED,
    production: true,
    nodeFlags: profileFlags(cpuProfileDir),
    // The profiler slows start-up.
    ...(cpuProfileDir ? { readyTimeoutMs: 300_000 } : {}),
  });
  const all = () => [
    topology.router1,
    topology.router2,
    topology.auth,
    topology.plants,
    topology.notificationsA,
    topology.notificationsB,
  ];
  const dbNames = Object.values(topology.databases.urls).map((u) => new URL(u).pathname.slice(1));
  return {
    name: 'production topology',
    seedConcurrency: 8,
    routerUrl: topology.router1.graphqlUrl,
    plantsUrl: topology.plants.graphqlUrl,
    async processes() {
      return [
        ...all().map((p) => ({ name: p.name, pids: [p.pid] })),
        { name: 'postgres', pids: await postgresBackends(adminUrl, dbNames) },
      ];
    },
    async statements() {
      const counts = await Promise.all(all().map(async (p) => [p.name, await statementCounts(p.metricsUrl)] as const));
      return new Map(counts.map(([name, byService]) => [name, [...byService.values()].reduce((a, b) => a + b, 0)]));
    },
    sharedFetches: () => sharedFetchCount(topology.router1.metricsUrl),
    async backlog() {
      const each = await Promise.all(all().map((p) => eventBacklog(p.metricsUrl)));
      return each.reduce((a, b) => a + b, 0);
    },
    stop: () => topology.stop(),
  };
}

/**
 * `npm start` as a user runs it (node --import tsx scripts/start.ts) on free ports and a fresh DATA_DIR;
 * `cpuProfileDir`: the process writes a V8 CPU profile there when it stops.
 */
export async function npmStartShape(cpuProfileDir?: string): Promise<BenchShape> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-bench-dashboard-'));
  const { router, plants, metrics, env: ports } = await npmStartPorts(dataDir);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...ports,
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
    ...UNLIMITED,
  };
  // The Node flags `npm start` passes (package.json): the router runs in this one process.
  const child = spawn(
    process.execPath,
    [...ROUTER_NODE_FLAGS, ...profileFlags(cpuProfileDir), '--import', 'tsx', 'scripts/start.ts'],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };
  process.once('exit', () => child.kill('SIGKILL'));
  const routerUrl = `http://127.0.0.1:${router}`;
  const deadline = Date.now() + 300_000;
  while (
    !(await fetch(`${routerUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`npm start did not become ready:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name: 'npm start',
    seedConcurrency: 2,
    routerUrl: `${routerUrl}/graphql`,
    plantsUrl: `http://127.0.0.1:${plants}/graphql`,
    processes: async () => [{ name: 'npm start (all services, PGlite)', pids: [child.pid ?? 0] }],
    statements: () => statementCounts(`http://127.0.0.1:${metrics}/metrics`),
    sharedFetches: () => sharedFetchCount(`http://127.0.0.1:${metrics}/metrics`),
    backlog: () => eventBacklog(`http://127.0.0.1:${metrics}/metrics`),
    stop,
  };
}
