/**
 * `npm run bench:fairness`: what one abusive client costs everyone else. Boots the whole supergraph in-process with
 * the router's default limits, then measures a second client's latency (a signed-in user asking `{ me { id } }`,
 * ten times a second, as an app would) three times: idle; while an anonymous client floods the router; while a signed-in client sends the
 * most expensive operation the limits allow (20 aliases — the root-field limit — of the largest catalog page: cost 4020 of MAX_COST 5000) from
 * many connections at once. Prints p50/p95 and the ratio to idle. Figures, not assertions.
 * BENCH_SECONDS (per phase, default 5) and BENCH_CONCURRENCY (the abuser's, default 32) tune it.
 */
import { performance } from 'node:perf_hooks';
import { signupUser, startStack } from '../test/e2e/harness.js';
import { fmt, latencyStats } from './bench/stats.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ME = '{ me { id } }';
const VICTIM_INTERVAL_MS = 100;
const EXPENSIVE = `{ ${Array.from(
  { length: 20 },
  (_, i) => `p${i}: indoorPlants(first: 100) { edges { node { id scientificName } } }`,
).join(' ')} }`;

const stack = await startStack();
try {
  const victim = await signupUser(stack);
  const abuser = await signupUser(stack);
  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  const cost = (await (await post(EXPENSIVE, abuser.headers)).json()) as { extensions?: unknown; errors?: unknown };
  console.log(
    `Bloomzy fairness benchmark; Node ${process.version}; the expensive operation:`,
    JSON.stringify(cost.extensions ?? cost.errors).slice(0, 300),
  );

  /** The victim's latency, sequential, for the phase's duration (while `abuse` runs, if given). */
  const measure = async (label: string, abuse?: () => Promise<number>) => {
    const end = performance.now() + seconds * 1000;
    let stop = false;
    const counts = { sent: 0, refused: 0 };
    const abusers = abuse
      ? Array.from({ length: concurrency }, async () => {
          while (!stop) {
            const status = await abuse().catch(() => 0);
            counts.sent++;
            if (status === 429 || status === 400) counts.refused++;
          }
        })
      : [];
    const samples: number[] = [];
    let failures = 0;
    while (performance.now() < end) {
      const start = performance.now();
      const res = await post(ME, victim.headers);
      if (res.status !== 200) failures++;
      await res.arrayBuffer();
      samples.push(performance.now() - start);
      // An app's pace, not a flood of its own: ten operations a second stay inside its per-client budget.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, VICTIM_INTERVAL_MS - (performance.now() - start))),
      );
    }
    stop = true;
    await Promise.all(abusers);
    const stats = latencyStats(samples);
    const abuseNote = abuse ? `; abuser sent ${counts.sent}, ${counts.refused} refused` : '';
    console.log(
      `  ${label.padEnd(44)} p50 ${fmt(stats.p50)}  p95 ${fmt(stats.p95)}  (n=${stats.count}, victim failures ${failures}${abuseNote})`,
    );
    return stats;
  };

  for (let i = 0; i < 50; i++) await (await post(ME, victim.headers)).arrayBuffer(); // warm-up
  console.log(`\nVictim: a signed-in user's { me { id } }, ten a second, ${seconds} s per phase:`);
  const idle = await measure('idle');
  const flood = await measure(`anonymous flood (${concurrency} connections)`, async () => {
    const res = await post('{ indoorPlants(first: 1) { totalCount } }');
    await res.arrayBuffer();
    return res.status;
  });
  const expensive = await measure(`most expensive allowed query (${concurrency} conn.)`, async () => {
    const res = await post(EXPENSIVE, abuser.headers);
    await res.arrayBuffer();
    return res.status;
  });
  console.log(
    `\nRatio to idle p50: anonymous flood ${(flood.p50 / idle.p50).toFixed(2)}×, expensive queries ${(expensive.p50 / idle.p50).toFixed(2)}×`,
  );
} finally {
  await stack.stop();
}
