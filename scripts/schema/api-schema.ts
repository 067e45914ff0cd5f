/**
 * The composed API schema (what clients see: the supergraph without federation's join/link machinery) and its
 * breaking changes against the baseline kept in schema/api.graphql, found by graphql-inspector.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '@bloomzy/shared/paths';
import { composeSupergraph } from '../supergraph.js';

export const baselinePath = path.join(repoRoot, 'schema', 'api.graphql');
const acceptedPath = path.join(repoRoot, 'schema', 'accepted-breaking-changes.yaml');

/** The API schema of a supergraph SDL, printed in a stable (sorted) order. */
export function apiSchemaOf(supergraphSdl: string): string {
  return printSchema(lexicographicSortSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()));
}

interface AcceptedChange {
  /** graphql-inspector's path of the change, e.g. `UserPlant.nickname`. */
  path: string;
  /** Why clients may break: who was told, what replaces it. */
  reason: string;
}

export interface SchemaCheck {
  current: string;
  baseline: string;
  changes: Change[];
  /** Breaking changes no entry of accepted-breaking-changes.yaml marks. */
  unmarkedBreaking: Change[];
}

export async function checkApiSchema(): Promise<SchemaCheck> {
  const current = apiSchemaOf(await composeSupergraph());
  const baseline = await readFile(baselinePath, 'utf8').catch(() => current);
  const accepted = ((parseYaml(await readFile(acceptedPath, 'utf8')) as { accepted?: AcceptedChange[] } | null)
    ?.accepted ?? []) as AcceptedChange[];
  const changes = await diff(buildSchema(baseline), buildSchema(current));
  const unmarkedBreaking = changes.filter(
    (change) =>
      change.criticality.level === CriticalityLevel.Breaking &&
      !accepted.some((entry) => entry.path === change.path && entry.reason.trim().length > 0),
  );
  return { current, baseline, changes, unmarkedBreaking };
}
