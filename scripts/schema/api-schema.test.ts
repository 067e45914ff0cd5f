import { readFile } from 'node:fs/promises';
import { diff, CriticalityLevel } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../supergraph.js';
import { apiSchemaOf, baselinePath, checkApiSchema } from './api-schema.js';

describe('API schema check', () => {
  it('finds no breaking change against the baseline that accepted-breaking-changes.yaml does not mark', async () => {
    const check = await checkApiSchema();
    expect(
      check.unmarkedBreaking.map((c) => c.message),
      'breaking API change: mark it in schema/accepted-breaking-changes.yaml or revert it (npm run schema:check)',
    ).toEqual([]);
  });

  it('reports a removed field as breaking and an added one as safe', async () => {
    const baseline = await readFile(baselinePath, 'utf8');
    const current = apiSchemaOf(await composeSupergraph());
    const renamed = current.replace(/(type UserPlant[^}]*?)\bnickname:/s, '$1nickName:');
    expect(renamed).not.toBe(current);
    const changes = await diff(buildSchema(baseline), buildSchema(renamed));
    const removal = changes.find((c) => c.path === 'UserPlant.nickname');
    expect(removal?.criticality.level).toBe(CriticalityLevel.Breaking);
    expect(changes.find((c) => c.path === 'UserPlant.nickName')?.criticality.level).toBe(CriticalityLevel.NonBreaking);
  });
});
