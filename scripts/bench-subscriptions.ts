/**
 * `npm run bench:subscriptions -- --subscribers N [--mode due|publish|both] [--upstream-connections K]
 *   [--schedule copies|router] [--wait-seconds S] [--profile DIR] [--client lean|graphql-ws]`
 *
 * The production topology (each service its own process, Postgres, Redis; test/e2e/processes.ts), N graphql-ws
 * clients through router 1, each a different user with one subscription to notificationReceived. Then:
 * - `publish` (the router in isolation): one event per user published straight to the notifications pub/sub;
 *   prints delivered/lost and publish → client p50/p99.
 * - `due` (end to end): one reminder per user, all falling due at the same instant; prints delivered/lost and
 *   due → client p50/p99 (this includes the notifications dispatcher).
 * Both print the router's RSS, open file descriptors, CPU while idle, and its connections to the notifications
 * subgraph (TCP, from /proc) and upstream subscription sockets (its metric). Users are minted, not signed up
 * (bench/subscriptions/tokens.ts); reminders are one scheduled through the router and copies of it (`--schedule
 * router` schedules each through the router: about 13 a second here). `--profile DIR` takes CPU profiles of router 1
 * and notifications A and B over the burst (bench/subscriptions/cpu-profile.ts) and writes them into DIR. Needs Postgres and Redis (TEST_DATABASE_URL / REDIS_URL, defaults local).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DISPATCH_LOOKAHEAD_MS } from '@bloomzy/notifications/config';
import { startTopology } from '../test/e2e/processes.js';
import { latencyStats } from './bench/stats.js';
import { connectSubscribers } from './bench/subscriptions/clients.js';
import { inspectorUrl, startProfiling, type Profiling } from './bench/subscriptions/cpu-profile.js';
import { connectionsTo, processStats } from './bench/subscriptions/process-stats.js';
import { cloneReminders, makeDue, publishDirect, scheduleReminders } from './bench/subscriptions/scenarios.js';
import { createTokenMint, type BenchUser } from './bench/subscriptions/tokens.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    mode: { type: 'string', default: 'both' },
    'upstream-connections': { type: 'string', default: '2' },
    'wait-seconds': { type: 'string', default: '120' },
    // router: every reminder through scheduleNotification; copies (default): one, then copied in SQL (cloneReminders).
    schedule: { type: 'string', default: 'copies' },
    profile: { type: 'string' },
    // lean (default) or graphql-ws: what the clients are (bench/subscriptions/clients.ts).
    client: { type: 'string', default: 'lean' },
  },
});
const subscribers = Number(values.subscribers);
const clientKind = values.client === 'graphql-ws' ? 'graphql-ws' : 'lean';
const IDLE_WINDOW_MS = 30_000;
/** The variables of `names` that `env` sets. */
const pick = (env: NodeJS.ProcessEnv, names: string[]) =>
  Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]!]])));
const mode = values.mode ?? 'both';
const waitMs = Number(values['wait-seconds']) * 1000;
/** The dispatcher's look-ahead in this run: production's default unless DISPATCH_LOOKAHEAD_MS says otherwise. */
const lookaheadMs = Number(process.env.DISPATCH_LOOKAHEAD_MS ?? DEFAULT_DISPATCH_LOOKAHEAD_MS);
const dueLeadMs = Math.max(2_000, lookaheadMs + 2_000);
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n);

async function main() {
  const mint = await createTokenMint();
  const users = await mint.users(subscribers);
  const big = '1000000000';
  console.log(`starting the production topology (${subscribers} subscribers, mode ${mode})…`);
  const topology = await startTopology(databaseUrl, redisUrl, {
    env: {
      AUTH_SIGNING_KEYS: mint.signingKeys,
      // The bench's own DISPATCH_BATCH_SIZE / DISPATCH_BATCHES_IN_FLIGHT, when set, to try others than production's.
      ...pick(process.env, ['DISPATCH_BATCH_SIZE', 'DISPATCH_BATCHES_IN_FLIGHT']),
      // Always given: the e2e topology's own setting would apply otherwise.
      DISPATCH_LOOKAHEAD_MS: String(lookaheadMs),
      ...(values.profile ? { NODE_OPTIONS: '--inspect=127.0.0.1:0' } : {}),
    },
    // As the image runs, with production's dispatcher rather than the e2e topology's (batches of 5 there, so tests
    // see both instances share a burst): with those, due → SENT alone took 4 s for 2000 and 13 s for 5000.
    production: true,
    // Benchmark only: every client is one user of many from one address.
    routerEnv: {
      RATE_LIMIT_REQUESTS: big,
      RATE_LIMIT_COST: big,
      WS_MAX_CONNECTIONS_PER_CLIENT: '10',
      SUBSCRIPTION_UPSTREAM_CONNECTIONS: values['upstream-connections'] ?? '2',
      // WS_KEEP_ALIVE_MS=0 npm run bench:subscriptions … measures the idle router without its pings to clients.
      ...pick(process.env, ['WS_KEEP_ALIVE_MS']),
    },
  });
  const router = topology.router1;
  // Read now: a service's output keeps only its last lines.
  const profiled = values.profile
    ? [topology.router1, topology.notificationsA, topology.notificationsB].map((service) => {
        const url = inspectorUrl(service.output());
        if (!url) throw new Error(`${service.name} printed no inspector URL`);
        return { name: service.name, url };
      })
    : [];
  const notificationsPort = Number(new URL(topology.notificationsA.baseUrl).port);
  const routerSnapshot = async (label: string) => {
    const stats = await processStats(router.pid);
    const tcp = await connectionsTo(router.pid, notificationsPort);
    const metrics = await fetch(router.metricsUrl).then((r) => r.text());
    const gauge = /^bloomzy_subscription_upstream_sockets\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? '?';
    console.log(
      `router ${label}: RSS ${stats.rssMb} MB, fds ${stats.fds}, TCP to notifications ${tcp}, upstream subscription sockets ${gauge}`,
    );
    return stats;
  };
  try {
    await routerSnapshot('before clients');
    const title = `bench-${Date.now()}`;
    if (mode !== 'publish') {
      const started = performance.now();
      const viaRouter = values.schedule === 'router' ? users : users.slice(0, 1);
      const failed = await scheduleReminders(router.graphqlUrl, viaRouter, title, 32);
      const rest = users.slice(viaRouter.length).map((u) => u.id);
      const cloned = await cloneReminders(topology.databases.urls.notifications, title, rest);
      console.log(
        `scheduled ${viaRouter.length - failed} reminders through the router, ${cloned} as copies of one, ` +
          `in ${round(performance.now() - started)} ms`,
      );
    }
    const clients = await connectSubscribers(router.graphqlUrl.replace(/^http/, 'ws'), users, 64, clientKind);
    console.log(`connected ${subscribers} ${clientKind} clients in ${round(clients.connectMs)} ms (64 at a time)`);
    // Let every upstream subscription reach the subgraph before anything is sent.
    await sleep(Math.max(3_000, subscribers / 2));
    const idleStart = await routerSnapshot('idle, all subscribed');
    // A whole keep-alive period (WS_KEEP_ALIVE_MS, 30 s), so every socket's ping falls in the window once.
    await sleep(IDLE_WINDOW_MS);
    const idleEnd = await processStats(router.pid);
    const idleShare = (idleEnd.cpuSeconds - idleStart.cpuSeconds) / (IDLE_WINDOW_MS / 1000);
    console.log(`router idle CPU over ${IDLE_WINDOW_MS / 1000} s: ${(idleShare * 100).toFixed(1)} %`);

    const profile = (): Promise<Profiling[]> => Promise.all(profiled.map(({ name, url }) => startProfiling(name, url)));
    // CPU each process spends over the burst (the bench's own clients included): where the two cores went.
    const busy = [topology.router1, topology.notificationsA, topology.notificationsB, topology.plants];
    const cpuNow = async () => [
      ...(await Promise.all(busy.map(async (s) => (await processStats(s.pid)).cpuSeconds))),
      (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    ];
    const report = async (label: string, since: number, expected: (user: BenchUser) => boolean) => {
      const profiles = await profile();
      const cpuBefore = await cpuNow();
      const deadline = Date.now() + waitMs;
      while (Date.now() < deadline && users.filter(expected).some((u) => !clients.arrivals.has(u.id))) await sleep(200);
      const latencies = users.flatMap((u) => {
        const arrival = clients.arrivals.get(u.id);
        return arrival ? [arrival.at - since] : [];
      });
      const stats = latencyStats(latencies);
      console.log(
        `${label}: delivered ${latencies.length}/${subscribers}, lost ${subscribers - latencies.length}; ` +
          `p50 ${round(stats.p50)} ms, p99 ${round(stats.p99)} ms, max ${round(stats.max)} ms`,
      );
      // Where the time went: due → SENT written (the dispatcher), SENT → client (publish, subgraph, router, client).
      const arrived = [...clients.arrivals.values()].filter((a) => Number.isFinite(a.sentAt));
      if (arrived.length > 0 && label.startsWith('due')) {
        const dispatch = latencyStats(arrived.map((a) => a.sentAt - since));
        const live = latencyStats(arrived.map((a) => a.at - a.sentAt));
        console.log(
          `  of which due → SENT p50 ${round(dispatch.p50)} ms, p99 ${round(dispatch.p99)} ms; ` +
            `SENT → client p50 ${round(live.p50)} ms, p99 ${round(live.p99)} ms`,
        );
      }
      const cpuAfter = await cpuNow();
      const names = [...busy.map((s) => s.name), 'bench clients'];
      console.log(
        `  CPU over the burst: ${names.map((name, i) => `${name} ${(cpuAfter[i]! - cpuBefore[i]!).toFixed(2)} s`).join(', ')}`,
      );
      for (const p of profiles) await p.stop(values.profile ?? '.');
    };

    if (mode !== 'due') {
      const publishedAt = await publishDirect(topology.redis.client, users);
      await report('publish → client (router in isolation)', publishedAt, () => true);
      await routerSnapshot('after publish');
      clients.arrivals.clear();
    }
    if (mode !== 'publish') {
      // Real reminders are planned long before they fall due, and the dispatcher wakes its look-ahead before them.
      // Rows moved here in SQL are seen only at its next look (DISPATCH_INTERVAL_MS, 1 s), so the due instant leaves
      // that look and the whole look-ahead before it, as a reminder planned hours ahead would have.
      const dueAt = new Date(Date.now() + dueLeadMs);
      const moved = await makeDue(topology.databases.urls.notifications, title, dueAt);
      console.log(`${moved} reminders due at ${dueAt.toISOString()}`);
      await report('due → client (end to end)', dueAt.getTime(), () => true);
      await routerSnapshot('after due');
    }
    const failures = [...new Set(clients.failures)].slice(0, 5);
    if (failures.length) console.log(`client failures (${clients.failures.length}):`, failures);
    await clients.close();
  } finally {
    await topology.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
