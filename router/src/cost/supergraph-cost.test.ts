/**
 * Costs over the committed supergraph: what the subgraphs declare (@cost, @listSize) reaches the router, the app's
 * operations fit under the default maximum with room, and the attacks of issue 8 are far above it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@bloomzy/shared/paths';
import { loadRouterConfig } from '../config.js';
import { DASHBOARD, NESTED_PLANTS, THOUSAND_ALIASES } from '../testing/costly-operations.js';
import { costModelOf, type CostModel } from './cost-model.js';
import { estimateCost } from './estimate.js';

const { cost: limits } = loadRouterConfig({ NODE_ENV: 'test' });
let model: CostModel;
beforeAll(async () => {
  model = costModelOf(Supergraph.build(await readFile(path.join(repoRoot, 'schema', 'supergraph.graphql'), 'utf8')));
});
const cost = (query: string, operationName?: string) =>
  estimateCost(model, { document: parse(query), operationName }, limits);

describe('costs over the committed supergraph', () => {
  it('reads the weights and list sizes the subgraphs declare', () => {
    expect(model.weightOf('UserPlant.wateringStatus')).toBe(5);
    expect(model.weightOf('Query.notificationAnalytics')).toBe(10);
    expect(model.listSizeOf('User.plants')).toEqual({
      assumedSize: undefined,
      slicingArguments: ['first'],
      sizedFields: ['edges'],
      requireOneSlicingArgument: true,
    });
    expect(model.listSizeOf('WateringStatus.factors')?.assumedSize).toBe(6);
  });

  it('charges the dashboard 1435: 28 per plant, 3 per notification', () => {
    // me 1 + plants (1 + pageInfo 1 + 50 × (edge 1 + node 1 + plant 1 + wateringStatus (5 + factors 6 × 1 + rhythm 1)
    //   + waterings (1 + 3 × 2) + growthSummary (5 + height 1))) + notifications (1 + filter 1 + 10 × (1 + 1 + 1))
    expect(cost(DASHBOARD)).toBe(1 + (2 + 50 * 28) + (2 + 10 * 3));
    expect(cost(DASHBOARD)).toBeLessThan(limits.maxCost / 3);
  });

  it('lets every operation of the README pass', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    const operations = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap(([, source]) =>
      parse(source ?? '')
        .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => ({ source: source ?? '', name: d.name?.value })),
    );
    expect(operations.length).toBeGreaterThan(5);
    for (const { source, name } of operations) expect(cost(source, name), name).toBeLessThanOrEqual(limits.maxCost);
  });

  it("puts issue 8's attacks far above the maximum", () => {
    expect(cost(NESTED_PLANTS)).toBeGreaterThan(50 * limits.maxCost);
    expect(cost(THOUSAND_ALIASES)).toBe(1000 * (1 + 100 * 2));
  });
});
