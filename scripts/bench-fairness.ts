/**
 * `npm run bench:fairness [-- --topology production|in-process]`: what one abusive client costs everyone else.
 *
 * Boots the supergraph with the router's default limits — by default the production topology (each service its own
 * process, Postgres, Redis; TEST_DATABASE_URL and REDIS_URL say where), or `in-process` as `npm start` runs it — then
 * measures a second client's latency (a signed-in user asking `{ me { id } }` ten times a second, as an app would)
 * three times: idle; while an anonymous client floods the router; while a signed-in client sends the most expensive
 * operation the limits allow (20 aliases — the root-field limit — of the largest catalog page: cost 4020 of MAX_COST
 * 5000). The abuser is `wrk` (apt-get install wrk), a separate process as a real attacker would be, so the victim's
 * figures measure the router, not the benchmark's own event loop. Prints p50/p95 and the ratio to idle; figures, not
 * assertions. BENCH_SECONDS (per phase, default 10) and BENCH_CONCURRENCY (the abuser's connections, default 32).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startStack } from '../test/e2e/harness.js';
import { startTopology } from '../test/e2e/processes.js';
import { fmt, latencyStats } from './bench/stats.js';

const { values: args } = parseArgs({ options: { topology: { type: 'string', default: 'production' } } });
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ME = '{ me { id } }';
const VICTIM_INTERVAL_MS = 100;
const EXPENSIVE = `{ ${Array.from(
  { length: 20 },
  (_, i) => `p${i}: indoorPlants(first: 100) { edges { node { id scientificName } } }`,
).join(' ')} }`;

interface Target {
  routerUrl: string;
  stop(): Promise<void>;
}

async function boot(topology: string): Promise<Target> {
  if (topology === 'in-process') {
    const stack = await startStack();
    return { routerUrl: stack.routerUrl, stop: () => stack.stop() };
  }
  if (topology !== 'production') throw new Error(`--topology is production or in-process, not ${topology}`);
  const t = await startTopology(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  );
  return { routerUrl: t.router1.graphqlUrl, stop: () => t.stop() };
}

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

async function signup(url: string): Promise<Record<string, string>> {
  const email = `bench-${Math.random().toString(36).slice(2, 10)}@bloomzy.test`;
  const res = await post(
    url,
    `mutation { signup(input: { email: "${email}", password: "green-thumb-1" }) { accessToken } }`,
  );
  const body = (await res.json()) as { data?: { signup: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`signup failed: ${JSON.stringify(body.errors)}`);
  return { authorization: `Bearer ${body.data.signup.accessToken}` };
}

/** Runs wrk against `url` for the phase, posting `query` with `headers`; resolves to its summary lines. */
async function wrk(url: string, query: string, headers: Record<string, string>, durationSeconds: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-wrk-'));
  const script = path.join(dir, 'post.lua');
  const headerLines = Object.entries({ 'content-type': 'application/json', ...headers })
    .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join('\n');
  await writeFile(
    script,
    `wrk.method = "POST"\nwrk.body = ${JSON.stringify(JSON.stringify({ query }))}\n${headerLines}\n`,
  );
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', ['-t1', `-c${concurrency}`, `-d${durationSeconds}s`, '-s', script, url], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', (error) =>
        reject(new Error(`wrk is needed as the abuser (apt-get install wrk): ${error.message}`)),
      );
      child.on('exit', () => resolve(out));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** "Requests/sec: 1234.5" and "Non-2xx or 3xx responses: 99" from wrk's output. */
function wrkSummary(output: string): string {
  const total = /(\d+) requests in/.exec(output)?.[1] ?? '?';
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? '?';
  const refused = /Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? '0';
  return `abuser sent ${total} (${rps}/s), ${refused} refused`;
}

/** The victim's latency, sequential at an app's pace, for the phase's duration (while `abuse` runs, if given). */
async function measure(url: string, victim: Record<string, string>, label: string, abuse?: () => Promise<string>) {
  const running = abuse?.();
  // Let the abuser reach its pace (and spend its budget) before sampling.
  if (running) await new Promise((resolve) => setTimeout(resolve, 1000));
  const end = performance.now() + (seconds - (running ? 2 : 0)) * 1000;
  const samples: number[] = [];
  let failures = 0;
  while (performance.now() < end) {
    const start = performance.now();
    const res = await post(url, ME, victim);
    if (res.status !== 200) failures++;
    await res.arrayBuffer();
    samples.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, VICTIM_INTERVAL_MS - (performance.now() - start))));
  }
  const abuseNote = running ? `; ${wrkSummary(await running)}` : '';
  const stats = latencyStats(samples);
  console.log(
    `  ${label.padEnd(44)} p50 ${fmt(stats.p50)}  p95 ${fmt(stats.p95)}  (n=${stats.count}, victim failures ${failures}${abuseNote})`,
  );
  return stats;
}

const target = await boot(args.topology);
try {
  const url = target.routerUrl;
  const victim = await signup(url);
  const abuser = await signup(url);
  const probe = (await (await post(url, EXPENSIVE, abuser)).json()) as { extensions?: unknown; errors?: unknown };
  console.log(
    `Bloomzy fairness benchmark; ${args.topology} topology; Node ${process.version}; the expensive operation:`,
    JSON.stringify(probe.extensions ?? probe.errors).slice(0, 300),
  );
  for (let i = 0; i < 50; i++) await (await post(url, ME, victim)).arrayBuffer(); // warm-up
  console.log(`\nVictim: a signed-in user's { me { id } }, ten a second, ${seconds} s per phase:`);
  const idle = await measure(url, victim, 'idle');
  const flood = await measure(url, victim, `anonymous flood (${concurrency} connections)`, () =>
    wrk(url, '{ indoorPlants(first: 1) { totalCount } }', {}, seconds),
  );
  const expensive = await measure(url, victim, `most expensive allowed query (${concurrency} conn.)`, () =>
    wrk(url, EXPENSIVE, abuser, seconds),
  );
  const idleAfter = await measure(url, victim, 'idle again');
  console.log(
    `\nRatio to idle p50: anonymous flood ${(flood.p50 / idle.p50).toFixed(2)}×, expensive queries ${(expensive.p50 / idle.p50).toFixed(2)}× (idle again ${(idleAfter.p50 / idle.p50).toFixed(2)}×)`,
  );
} finally {
  await target.stop();
}
