/**
 * Composes schema/<subgraph>.graphql into the supergraph with @apollo/composition. The URLs recorded are the
 * defaults of `npm start`; the router overrides them per subgraph (SUBGRAPH_<NAME>_URL) in other topologies.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { repoRoot } from '../subgraphs/shared/src/paths.js';

export const SUBGRAPHS = [
  { name: 'auth', url: 'http://localhost:4001/graphql' },
  { name: 'plants', url: 'http://localhost:4002/graphql' },
  { name: 'notifications', url: 'http://localhost:4003/graphql' },
] as const;

export const supergraphPath = path.join(repoRoot, 'schema', 'supergraph.graphql');

/** The composed supergraph SDL; throws with every composition error when the subgraphs do not compose. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async ({ name, url }) => ({
      name,
      url,
      typeDefs: parse(await readFile(path.join(repoRoot, 'schema', `${name}.graphql`), 'utf8')),
    })),
  );
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}
