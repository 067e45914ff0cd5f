/**
 * The API and the database name the same enums. Each enum of the plants GraphQL schema (schema/plants.graphql) has
 * exactly the values of the Prisma enum of the same name (prisma/plants/schema.prisma); the code uses the values
 * generated from either schema, never a list of its own. The only GraphQL enums without a Prisma namesake are the
 * schedule's computed ones, which are never stored.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraph } from '@bloomzy/shared/manifest';
import { $Enums } from './client.js';

const COMPUTED_ENUMS = [
  'CareFactorName',
  'CareIntervalSource',
  'Season',
  'WateringFactorName',
  'WateringIntervalSource',
  'WateringUrgency',
];

const graphqlEnums = new Map(
  parse(readFileSync(subgraph('plants').schemaFile, 'utf8')).definitions.flatMap((definition) =>
    definition.kind === Kind.ENUM_TYPE_DEFINITION
      ? [[definition.name.value, (definition.values ?? []).map((value) => value.name.value)] as const]
      : [],
  ),
);
const prismaEnums = new Map<string, readonly string[]>(
  Object.entries($Enums).map(([name, values]) => [name, Object.values(values)]),
);
const stored = [...graphqlEnums.keys()].filter((name) => prismaEnums.has(name));

describe('enums', () => {
  it.each(stored)('GraphQL enum %s has exactly the values of the Prisma enum %s', (name) => {
    expect([...(graphqlEnums.get(name) ?? [])].sort()).toEqual([...(prismaEnums.get(name) ?? [])].sort());
  });

  it('has a Prisma enum for every GraphQL enum but the computed ones, and a GraphQL enum for every Prisma enum', () => {
    expect(stored.length).toBeGreaterThan(0);
    expect([...graphqlEnums.keys()].filter((name) => !prismaEnums.has(name)).sort()).toEqual(COMPUTED_ENUMS);
    expect([...prismaEnums.keys()].filter((name) => !graphqlEnums.has(name))).toEqual([]);
  });
});
