import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, supergraphPath } from './supergraph.js';

describe('supergraph', () => {
  it('composes from the subgraph schemas, and the committed supergraph is current', async () => {
    const composed = await composeSupergraph();
    const committed = await readFile(supergraphPath, 'utf8').catch(() => '');
    // A stale file means someone changed a subgraph schema without running `npm run compose`.
    expect(committed, 'schema/supergraph.graphql is stale: run `npm run compose`').toBe(composed);
  });
});
