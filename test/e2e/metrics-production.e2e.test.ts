/**
 * `/metrics` in the production topology: every process (auth, plants, two notifications instances, two routers) has
 * its own listener on METRICS_PORT, its series labelled with its service; each reports its dependencies (database,
 * Redis, the router's subgraphs) and the subgraphs the event bus's consumer groups; a query through one router moves
 * that router's counters and not the other's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds, testRedisUrl } from '@bloomzy/shared/testing/test-database';
import { startTopology, type Topology } from './processes.js';
import { scrape, sum } from './prometheus-text.js';

// Both throw when CI=true and the variable is missing, so CI fails here instead of skipping.
const postgres = testDatabaseKinds().includes('postgres');
const redisUrl = testRedisUrl();

describe.skipIf(!postgres || !redisUrl)('metrics in the production topology', () => {
  let topology: Topology;
  beforeAll(async () => {
    topology = await startTopology(process.env.TEST_DATABASE_URL as string, redisUrl as string);
  }, 120_000);
  afterAll(() => topology?.stop());

  it('serves /metrics from every process, labelled with its service, with its dependencies ready', async () => {
    const { auth, plants, notificationsA, notificationsB, router1, router2 } = topology;
    const expected = [
      [auth, 'auth'],
      [plants, 'plants'],
      [notificationsA, 'notifications'],
      [notificationsB, 'notifications'],
    ] as const;
    for (const [process, service] of expected) {
      const samples = await scrape(process.metricsUrl);
      expect(sum(samples, 'process_resident_memory_bytes', { service }), process.name).toBeGreaterThan(0);
      expect(sum(samples, 'bloomzy_dependency_up', { service, dependency: 'database' }), process.name).toBe(1);
      expect(sum(samples, 'bloomzy_dependency_up', { service, dependency: 'redis' }), process.name).toBe(1);
      // One process, one service: nothing else is in its registry.
      const services = new Set(samples.map((s) => s.labels.service).filter(Boolean));
      expect([...services], process.name).toEqual([service]);
    }
    for (const router of [router1, router2]) {
      const samples = await scrape(router.metricsUrl);
      for (const name of ['auth', 'plants', 'notifications']) {
        expect(sum(samples, 'bloomzy_dependency_up', { service: 'router', dependency: `subgraph:${name}` })).toBe(1);
      }
      expect(sum(samples, 'bloomzy_dependency_up', { service: 'router', dependency: 'redis' })).toBe(1);
    }
  });

  it("reports the event bus's consumer groups, caught up", async () => {
    const samples = await scrape(topology.notificationsA.metricsUrl);
    const groups = samples
      .filter((s) => s.name === 'bloomzy_event_bus_lag')
      .map((s) => `${s.labels.stream}→${s.labels.group}`);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const s of samples.filter((x) => x.name.startsWith('bloomzy_event_bus_')))
      expect(s.value, s.name).toBeLessThan(60);
  });

  it('counts an operation at the router that served it, and not at the other', async () => {
    const labels = { service: 'router', operation: 'ProductionCatalog', outcome: 'OK' };
    const query = 'query ProductionCatalog { indoorPlants(first: 1) { totalCount } }';
    const before = await Promise.all([topology.router1, topology.router2].map((r) => scrape(r.metricsUrl)));
    expect((await gql(topology.router1.graphqlUrl, query)).errors).toBeUndefined();
    const after = await Promise.all([topology.router1, topology.router2].map((r) => scrape(r.metricsUrl)));
    const moved = (i: number) =>
      sum(after[i] ?? [], 'bloomzy_graphql_operations_total', labels) -
      sum(before[i] ?? [], 'bloomzy_graphql_operations_total', labels);
    expect([moved(0), moved(1)]).toEqual([1, 0]);
  });
});
