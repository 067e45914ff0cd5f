import { describe, expect, it } from 'vitest';
import { parseManifest, subgraphs } from './manifest.js';

describe('supergraph.yaml manifest', () => {
  it('lists every subgraph with its routing URL, default port, schema file and environment prefix', () => {
    const [entry] = parseManifest(
      'subgraphs:\n  plant-care:\n    routing_url: http://localhost:4010/graphql\n    schema:\n      file: ./schema/plant-care.graphql\n',
      '/repo',
    );
    expect(entry).toEqual({
      name: 'plant-care',
      routingUrl: 'http://localhost:4010/graphql',
      defaultPort: 4010,
      schemaFile: '/repo/schema/plant-care.graphql',
      envPrefix: 'PLANT_CARE',
    });
  });

  it('refuses an entry without a routing URL or a schema file, and an empty list', () => {
    expect(() => parseManifest('subgraphs:\n  a:\n    schema:\n      file: a.graphql\n')).toThrow(
      /a has no routing_url/,
    );
    expect(() => parseManifest('subgraphs:\n  a:\n    routing_url: http://x:1/graphql\n')).toThrow(/schema.file/);
    expect(() => parseManifest('subgraphs: {}\n')).toThrow(/lists no subgraphs/);
  });

  it('reads the repository manifest: unique names, unique ports', () => {
    const all = subgraphs();
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.defaultPort)).size).toBe(all.length);
  });
});
