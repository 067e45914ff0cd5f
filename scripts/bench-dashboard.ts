/**
 * `npm run bench:dashboard`: the dashboard query (a user's 50 plants with status and last waterings, and their latest
 * 20 notifications) through the router, and its plants part sent straight to the plants subgraph signed as the router,
 * with wrk at 16 and 50 connections in interleaved rounds; in the production topology (every service its own process,
 * Postgres, Redis) and in the `npm start` shape (one process, PGlite). Prints requests/s, p50, p99, CPU ms per request
 * of every process (Postgres backends included), SQL statements per request, and router/direct ratios.
 * Figures, not assertions. BENCH_USERS (distinct users taken in turn, default 50), BENCH_SECONDS (per wrk run,
 * default 8), BENCH_ROUNDS (default 2), BENCH_SHAPES (production,npm-start), BENCH_CPU_PROFILE_DIR (every service
 * process writes a V8 CPU profile there), TEST_DATABASE_URL and REDIS_URL (the production topology's servers) tune it.
 */
import { createServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { cpuSnapshot } from './bench/dashboard/process-cpu.js';
import { DASHBOARD, PLANTS_PART, seedDashboardUsers, type SeededUser } from './bench/dashboard/seed.js';
import { npmStartShape, productionShape, type BenchShape } from './bench/dashboard/shapes.js';
import { wrk, type WrkResult } from './bench/dashboard/wrk.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const shapes = (process.env.BENCH_SHAPES ?? 'production,npm-start').split(',').map((s) => s.trim());
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONNECTIONS = [16, 50];
/**
 * Distinct users the requests take in turn (BENCH_USERS, default 50: as many as the most connections, so concurrent
 * requests are different users' as on a real dashboard and no in-flight sharing of identical fetches flatters the
 * figures). BENCH_USERS=1 is the single-user run the first figures were taken with.
 */
const userCount = Math.max(1, Number(process.env.BENCH_USERS ?? 50));
const router = createServiceCredentials({ secret: TEST_SUBGRAPH_SECRET, issuer: 'router' });

type Target = 'router' | 'plants direct';
const SETTLED_STATEMENTS = 60;
/** Longest wait for the seed's after-work (the reminder engine re-plans each user's reminders per event). */
const SETTLE_LIMIT_S = 900;

interface Sample extends WrkResult {
  seconds: number;
  /** Router fetches that joined an identical one in flight instead of being sent. */
  sharedFetches: number;
  cpu: Map<string, number>;
  statements: Map<string, number>;
}

/**
 * What the processes spend per second with no requests (dispatchers, relays, probes): subtracted from each run so
 * the per-request figures hold the requests' own cost, whatever the request rate.
 */
interface Idle {
  cpuPerSecond: Map<string, number>;
  statementsPerSecond: Map<string, number>;
}

async function idleBaseline(shape: BenchShape, seconds: number): Promise<Idle> {
  const cpu = await cpuSnapshot(await shape.processes());
  const before = await shape.statements();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const perSecond = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / seconds]));
  return {
    cpuPerSecond: perSecond(await cpu()),
    statementsPerSecond: perSecond(diff(await shape.statements(), before)),
  };
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/**
 * Waits until every consumer group has handled every event the seed caused (the services' event-bus backlog is 0) and
 * the services run at most SETTLED_STATEMENTS SQL statements a second (their idle level is ~35, mostly probes), in
 * three 2 s windows in a row, at most SETTLE_LIMIT_S; resolves with the seconds waited and the backlog left. The
 * statement rate alone was not enough: the reminder engine works through the seed's events in bursts, and a quiet
 * moment between two of them let the runs start while it was still busy (and counted its work as the requests').
 */
async function settle(shape: BenchShape): Promise<{ seconds: number; backlog: number }> {
  const started = performance.now();
  const deadline = started + SETTLE_LIMIT_S * 1000;
  let quiet = 0;
  let backlog = Number.NaN;
  while (quiet < 3 && performance.now() < deadline) {
    const before = await shape.statements();
    await new Promise((r) => setTimeout(r, 2000));
    const perSecond = sum(diff(await shape.statements(), before).values()) / 2;
    backlog = await shape.backlog();
    quiet = perSecond <= SETTLED_STATEMENTS && backlog === 0 ? quiet + 1 : 0;
  }
  return { seconds: (performance.now() - started) / 1000, backlog };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const diff = (after: Map<string, number>, before: Map<string, number>) =>
  new Map([...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)]));

/** Every user's request to `target`; the preflight header is what Apollo Server's CSRF check asks of a client. */
async function requests(shape: BenchShape, users: readonly SeededUser[], target: Target) {
  const preflight = { 'apollo-require-preflight': 'true' };
  if (target === 'router') {
    const body = JSON.stringify({ query: DASHBOARD });
    return { url: shape.routerUrl, requests: users.map((u) => ({ body, headers: { ...u.headers, ...preflight } })) };
  }
  // A fresh service credential per run: it is valid for 60 s.
  const credential = await router.headersFor('plants');
  return {
    url: shape.plantsUrl,
    requests: users.map((u) => ({
      body: JSON.stringify({ query: PLANTS_PART }),
      headers: { ...u.headers, ...credential, ...preflight },
    })),
  };
}

async function measure(
  shape: BenchShape,
  users: readonly SeededUser[],
  target: Target,
  connections: number,
  duration: number,
) {
  const req = await requests(shape, users, target);
  const cpu = await cpuSnapshot(await shape.processes());
  const statementsBefore = await shape.statements();
  const sharedBefore = await shape.sharedFetches();
  const started = performance.now();
  const result = await wrk({
    ...req,
    connections,
    seconds: duration,
  });
  const cpuMs = await cpu();
  const statements = diff(await shape.statements(), statementsBefore);
  const sharedFetches = (await shape.sharedFetches()) - sharedBefore;
  return { ...result, seconds: (performance.now() - started) / 1000, cpu: cpuMs, statements, sharedFetches };
}

function report(samples: Map<string, Sample[]>, idle: Idle) {
  const line = (cells: (string | number)[]) => console.log(cells.map((c) => String(c).padStart(12)).join(''));
  console.log(
    `  idle, per second: CPU ${[...idle.cpuPerSecond].map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}; ` +
      `SQL ${sum(idle.statementsPerSecond.values()).toFixed(1)} statements`,
  );
  line(['target', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU ms/req', 'net of idle']);
  for (const [key, list] of samples) {
    const [target, conns] = key.split('@');
    const requests = list.reduce((total, s) => total + s.requests, 0) || 1;
    const seconds = sum(list.map((s) => s.seconds));
    const cpuTotal = sum(list.map((s) => sum(s.cpu.values())));
    line([
      target ?? '',
      conns ?? '',
      median(list.map((s) => s.rps)).toFixed(1),
      median(list.map((s) => s.p50Ms)).toFixed(1),
      median(list.map((s) => s.p99Ms)).toFixed(1),
      sum(list.map((s) => s.errors)),
      (cpuTotal / requests).toFixed(1),
      ((cpuTotal - sum(idle.cpuPerSecond.values()) * seconds) / requests).toFixed(1),
    ]);
    const perProcess = new Map<string, number>();
    const statements = new Map<string, number>();
    for (const s of list) {
      for (const [k, v] of s.cpu) perProcess.set(k, (perProcess.get(k) ?? 0) + v);
      for (const [k, v] of s.statements) statements.set(k, (statements.get(k) ?? 0) + v);
    }
    const net = (total: number, perSecond = 0) => Math.max(0, (total - perSecond * seconds) / requests);
    console.log(
      `      CPU ms/req net of idle: ${[...perProcess]
        .map(([k, v]) => `${k} ${net(v, idle.cpuPerSecond.get(k)).toFixed(1)}`)
        .join(', ')}`,
    );
    console.log(
      `      SQL statements/req net of idle: ${[...statements]
        .map(([k, v]) => `${k} ${net(v, idle.statementsPerSecond.get(k)).toFixed(2)}`)
        .join(', ')}`,
    );
    // Concurrent requests of one user share identical fetches in the router: with distinct users this stays near 0.
    console.log(`      router fetches shared/req: ${(sum(list.map((s) => s.sharedFetches)) / requests).toFixed(2)}`);
  }
  for (const conns of CONNECTIONS) {
    const viaRouter = samples.get(`router@${conns}`) ?? [];
    const direct = samples.get(`plants direct@${conns}`) ?? [];
    const rps = median(viaRouter.map((s) => s.rps)) / median(direct.map((s) => s.rps));
    const p99 = median(viaRouter.map((s) => s.p99Ms)) / median(direct.map((s) => s.p99Ms));
    console.log(`  router / plants direct at ${conns} connections: req/s ${rps.toFixed(2)}x, p99 ${p99.toFixed(2)}x`);
  }
}

async function benchShape(start: () => Promise<BenchShape>) {
  const started = Date.now();
  const shape = await start();
  try {
    const users = await seedDashboardUsers(shape.routerUrl, userCount, shape.seedConcurrency);
    console.log(
      `\n${shape.name}: up and ${userCount} users seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; ${rounds} rounds of ${seconds} s per run`,
    );
    // Signing up and stocking the users sets off work that outlives the seed (each plant's care reminders are planned
    // from events); the figures start once it has settled.
    const settled = await settle(shape);
    console.log(
      settled.backlog === 0
        ? `  settled after the seed in ${settled.seconds.toFixed(0)} s`
        : `  NOT settled after ${settled.seconds.toFixed(0)} s: ${settled.backlog} events still to handle`,
    );
    // Warm-up: JIT, connection pools, JWKS and plan caches.
    await measure(shape, users, 'router', 16, 3);
    await measure(shape, users, 'plants direct', 16, 3);
    const idle = await idleBaseline(shape, 5);
    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < rounds; round++) {
      for (const connections of CONNECTIONS) {
        for (const target of ['router', 'plants direct'] as const) {
          const key = `${target}@${connections}`;
          samples.set(key, [...(samples.get(key) ?? []), await measure(shape, users, target, connections, seconds)]);
        }
      }
    }
    report(samples, idle);
  } finally {
    await shape.stop();
  }
}

console.log(`Dashboard benchmark — Node ${process.version}, wrk, ${CONNECTIONS.join(' and ')} connections`);
if (shapes.includes('production'))
  await benchShape(() => productionShape(adminUrl, redisUrl, process.env.BENCH_CPU_PROFILE_DIR));
if (shapes.includes('npm-start')) await benchShape(() => npmStartShape(process.env.BENCH_CPU_PROFILE_DIR));
