/** Subgraph fetches are timed by subgraph and outcome; health checks and schema loading are not. */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import { metricsRegistry } from '@bloomzy/shared/metrics/registry';
import { measureFetches } from './measure-fetches.js';

async function fetches(outcome: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('bloomzy_subgraph_fetch_duration_seconds')?.get();
  const count = metric?.values.find(
    (v) =>
      (v as { metricName?: string }).metricName === 'bloomzy_subgraph_fetch_duration_seconds_count' &&
      v.labels.subgraph === 'unit' &&
      v.labels.outcome === outcome,
  );
  return count?.value ?? 0;
}

describe('measureFetches', () => {
  it('times operation fetches as ok, errors or failed, and lets health checks through untimed', async () => {
    const answers = [{ data: {} }, { errors: [{ message: 'x' }] }, new Error('ECONNREFUSED'), { data: {} }];
    const source: GraphQLDataSource = {
      process: async () => {
        const answer = answers.shift();
        if (answer instanceof Error) throw answer;
        return answer as { data: object };
      },
    };
    const measured = measureFetches(source, 'unit');
    const operation = { incomingRequestContext: {}, request: {} } as unknown as GraphQLDataSourceProcessOptions;
    await measured.process(operation);
    await measured.process(operation);
    await expect(measured.process(operation)).rejects.toThrow('ECONNREFUSED');
    await measured.process({
      kind: 'health check',
      request: {},
      context: {},
    } as unknown as GraphQLDataSourceProcessOptions);
    expect([await fetches('ok'), await fetches('errors'), await fetches('failed')]).toEqual([1, 1, 1]);
  });
});
