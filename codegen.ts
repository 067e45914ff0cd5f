/**
 * graphql-codegen: typed resolvers for every subgraph of supergraph.yaml, from its SDL, into
 * subgraphs/<name>/src/__generated__/resolvers-types.ts (generated at install and by `npm run generate`; ignored by
 * git, never edited by hand).
 * Mappers point GraphQL types at the objects resolvers really return: every `<Type>Model` exported by a subgraph's
 * src/mappers.ts maps the GraphQL type <Type>, so a new mapper needs no change here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';

function mappersOf(name: string): Record<string, string> {
  const source = readFileSync(path.join(repoRoot, 'subgraphs', name, 'src', 'mappers.ts'), 'utf8');
  const mappers: Record<string, string> = {};
  for (const [, model, type] of source.matchAll(/export (?:type|interface) ((\w+)Model)\b/g)) {
    mappers[type as string] = `../mappers.js#${model as string}`;
  }
  return mappers;
}

const config: CodegenConfig = {
  overwrite: true,
  silent: true,
  generates: Object.fromEntries(
    subgraphs().map(({ name, schemaFile }) => [
      `subgraphs/${name}/src/__generated__/resolvers-types.ts`,
      {
        schema: [schemaFile, 'schema/federation-directives.graphql'],
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useIndexSignature: true,
          useTypeImports: true,
          contextType: '../context.js#Context',
          scalars: { DateTime: { input: 'Date', output: 'Date | string' }, URL: 'string', JSON: 'unknown' },
          enumsAsTypes: true,
          mappers: mappersOf(name),
          avoidOptionals: { field: true, inputValue: false, object: false },
          maybeValue: 'T | null',
          inputMaybeValue: 'T | null | undefined',
        },
      },
    ]),
  ),
};

export default config;
