/**
 * Composes the subgraph schemas of supergraph.yaml into the supergraph with @apollo/composition. The URLs recorded
 * are the manifest's routing URLs (`npm start`); the router overrides them per subgraph (SUBGRAPH_<NAME>_URL) in other
 * topologies.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';

export const supergraphPath = path.join(repoRoot, 'schema', 'supergraph.graphql');

/** The composed supergraph SDL; throws with every composition error when the subgraphs do not compose. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    subgraphs().map(async ({ name, routingUrl, schemaFile }) => ({
      name,
      url: routingUrl,
      typeDefs: parse(await readFile(schemaFile, 'utf8')),
    })),
  );
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}
