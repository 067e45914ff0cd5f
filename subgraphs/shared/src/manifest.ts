/**
 * The list of subgraphs, read from supergraph.yaml at the repository root (rover's supergraph config format). It is
 * the only place that names them: composition, codegen, Prisma, migrations, `npm start` and the tests iterate it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './paths.js';

export interface SubgraphEntry {
  /** As in the supergraph and in SUBGRAPH_<NAME>_URL; also the package folder subgraphs/<name>. */
  name: string;
  /** Where `npm start` serves it. */
  routingUrl: string;
  /** The port of routingUrl: the subgraph's default port. */
  defaultPort: number;
  /** Absolute path of its SDL. */
  schemaFile: string;
  /** Its environment prefix: AUTH_PORT, PLANTS_DATABASE_URL... */
  envPrefix: string;
}

interface RoverConfig {
  subgraphs?: Record<string, { routing_url?: unknown; schema?: { file?: unknown } }>;
}

const manifestPath = path.join(repoRoot, 'supergraph.yaml');

/** Parses a supergraph.yaml text; throws naming the entry that is incomplete. */
export function parseManifest(text: string, baseDir = repoRoot): SubgraphEntry[] {
  const config = parse(text) as RoverConfig;
  const entries = Object.entries(config.subgraphs ?? {});
  if (entries.length === 0) throw new Error('supergraph.yaml lists no subgraphs');
  return entries.map(([name, entry]) => {
    const routingUrl = entry.routing_url;
    const file = entry.schema?.file;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`supergraph.yaml: subgraph name "${name}" must be lower-case`);
    if (typeof routingUrl !== 'string') throw new Error(`supergraph.yaml: ${name} has no routing_url`);
    if (typeof file !== 'string') throw new Error(`supergraph.yaml: ${name} has no schema.file`);
    return {
      name,
      routingUrl,
      defaultPort: Number(new URL(routingUrl).port),
      schemaFile: path.resolve(baseDir, file),
      envPrefix: name.toUpperCase().replace(/-/g, '_'),
    };
  });
}

let cached: SubgraphEntry[] | undefined;

/** Every subgraph of the manifest, in its order. */
export function subgraphs(): SubgraphEntry[] {
  cached ??= parseManifest(readFileSync(manifestPath, 'utf8'));
  return cached;
}

/** One subgraph by name; throws when the manifest does not list it. */
export function subgraph(name: string): SubgraphEntry {
  const entry = subgraphs().find((s) => s.name === name);
  if (!entry) throw new Error(`supergraph.yaml lists no subgraph "${name}"`);
  return entry;
}
