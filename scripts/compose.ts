/** `npm run compose`: writes schema/supergraph.graphql from the three subgraph schemas. */
import { writeFile } from 'node:fs/promises';
import { composeSupergraph, supergraphPath } from './supergraph.js';

try {
  await writeFile(supergraphPath, await composeSupergraph());
  console.log(`wrote ${supergraphPath}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
