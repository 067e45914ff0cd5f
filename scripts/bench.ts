/**
 * `npm run bench`: boots the whole supergraph in-process (as the e2e tests do) and prints figures:
 *  - a collection query through the router (`me { plants(first: 50) { … wateringStatus, waterings(first: 3) } }`):
 *    sequential latency, then throughput under concurrent load, and the SQL statements the plants subgraph ran;
 *  - the same query straight to the plants subgraph, to show what the router's planning and fan-out costs;
 *  - memory (RSS, heap) after the load.
 * Figures, not assertions: nothing here fails on time. BENCH_SECONDS and BENCH_CONCURRENCY tune the load.
 */
import { performance } from 'node:perf_hooks';
import { routerHeaders } from '@bloomzy/shared/testing/router-credential';
import { signupUser, startStack } from '../test/e2e/harness.js';
import { fmt, latencyStats, load } from './bench/stats.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PLANTS = 50;
const COLLECTION = `{ me { plants(first: 50) { edges { node { plant { commonNames } wateringStatus { urgency }
  waterings(first: 3) { edges { node { wateredAt } } } } } } } }`;

// One user drives the whole load, which the per-client rate limits would refuse after 200 operations: the benchmark
// measures throughput, not the limits.
const stack = await startStack({ env: { RATE_LIMIT_REQUESTS: '1000000000', RATE_LIMIT_COST: '1000000000' } });
try {
  const user = await signupUser(stack);
  const catalog = await stack.query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
    '{ indoorPlants(first: 50) { edges { node { id } } } }',
  );
  const species = catalog.data?.indoorPlants.edges.map((e) => e.node.id) ?? [];
  const ids: string[] = [];
  for (let i = 0; i < PLANTS; i++) {
    const res = await stack.query<{ addUserPlant: { id: string } }>(
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
      {
        input: {
          plantId: species[i % species.length],
          nickname: `Plant ${i}`,
          location: i % 2 ? 'Kitchen' : 'Bedroom',
        },
      },
      user.headers,
    );
    ids.push(res.data!.addUserPlant.id);
  }
  for (let day = 3; day >= 1; day--) {
    const at = new Date(Date.now() - day * 86_400_000).toISOString();
    await stack.query(
      'mutation($ids: [ID!]!, $at: DateTime) { waterPlants(userPlantIds: $ids, wateredAt: $at) { id } }',
      { ids, at },
      user.headers,
    );
  }
  const check = await stack.query<{ me: { plants: { edges: unknown[] } } }>(COLLECTION, {}, user.headers);
  if (check.errors || check.data?.me.plants.edges.length !== PLANTS)
    throw new Error(`bad response: ${JSON.stringify(check.errors)}`);

  console.log(`Bloomzy benchmark — ${PLANTS} plants with 3 waterings each; Node ${process.version}`);
  const run = () =>
    stack.query(COLLECTION, {}, user.headers).then((r) => {
      if (r.errors) throw new Error(r.errors[0]?.message);
    });
  for (let i = 0; i < 20; i++) await run(); // warm-up: JIT, connection pools, JWKS cache
  const sequential: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    await run();
    sequential.push(performance.now() - start);
  }
  const seq = latencyStats(sequential);
  console.log(`\nCollection query through the router, sequential (n=${seq.count}):`);
  console.log(`  p50 ${fmt(seq.p50)}  p95 ${fmt(seq.p95)}  p99 ${fmt(seq.p99)}  max ${fmt(seq.max)}`);

  const loaded = await load(run, concurrency, seconds * 1000);
  console.log(`\nCollection query through the router, ${concurrency} concurrent clients for ${seconds} s:`);
  console.log(
    `  ${loaded.rps.toFixed(1)} req/s  p50 ${fmt(loaded.p50)}  p95 ${fmt(loaded.p95)}  p99 ${fmt(loaded.p99)}  errors ${loaded.errors}`,
  );

  const direct = await load(
    async () => {
      const res = await fetch(stack.plants.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...user.headers, ...(await routerHeaders(stack.plants.name)) },
        body: JSON.stringify({
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { plants(first: 50) { edges { node {
            plant { commonNames } wateringStatus { urgency } waterings(first: 3) { edges { node { wateredAt } } } } } } } } }`,
          variables: { r: [{ __typename: 'User', id: user.user.id }] },
        }),
      });
      if (!res.ok) throw new Error(String(res.status));
      await res.json();
    },
    concurrency,
    seconds * 1000,
  );
  console.log(`\nSame selection straight to the plants subgraph (no router), ${concurrency} concurrent:`);
  console.log(`  ${direct.rps.toFixed(1)} req/s  p50 ${fmt(direct.p50)}  p95 ${fmt(direct.p95)}`);

  // Live reminders: scheduled notifications fall due, the dispatcher claims them, and the router resolves each
  // event's federated fields (userPlant from plants, recipient from auth) before pushing it to the subscriber.
  const client = stack.wsClient({ authorization: `Bearer ${user.accessToken}` });
  const arrivals = new Map<string, number>();
  const unsubscribe = client.subscribe<{ notificationReceived: { id: string; title: string } }>(
    {
      query:
        'subscription { notificationReceived { id title userPlant { nickname plant { commonNames } } recipient { username } } }',
    },
    {
      next: (e) => e.data && arrivals.set(e.data.notificationReceived.title, performance.now()),
      error: () => {},
      complete: () => {},
    },
  );
  await new Promise((r) => setTimeout(r, 500));
  const REMINDERS = 20;
  const dueAt = Date.now() + 2_000;
  const dueAtPerf = performance.now() + 2_000;
  for (let i = 0; i < REMINDERS; i++) {
    // Spread over users' rate limits is not needed: scheduled notifications are the user's own choice.
    await stack.query(
      'mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }',
      {
        input: {
          type: 'CARE_TIP',
          title: `bench ${i}`,
          body: 'Mist the fern',
          scheduledFor: new Date(dueAt).toISOString(),
          userPlantId: ids[i % ids.length],
        },
      },
      user.headers,
    );
  }
  const deadline = performance.now() + 15_000;
  while (arrivals.size < REMINDERS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  unsubscribe();
  const delays = [...arrivals.values()].map((t) => t - dueAtPerf);
  const live = latencyStats(delays);
  console.log(
    `\nLive reminders through the router (${REMINDERS} due at once; dispatcher interval ${stack.dispatchIntervalMs} ms):`,
  );
  console.log(
    `  received ${arrivals.size}/${REMINDERS}; due → client p50 ${fmt(live.p50)}  p95 ${fmt(live.p95)}  max ${fmt(live.max)}`,
  );

  const mem = process.memoryUsage();
  console.log(
    `\nMemory of the whole stack (one process): RSS ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
} finally {
  await stack.stop();
}
