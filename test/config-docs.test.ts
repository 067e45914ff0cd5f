/**
 * Every environment variable a service reads is documented in .env.example and in the README's table, and every
 * variable docker-compose.yml sets is one a service actually reads: configuration drift fails the build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '@bloomzy/shared/paths';

const CONFIG_MODULES = [
  'subgraphs/auth/src/config.ts',
  'subgraphs/plants/src/config.ts',
  'subgraphs/notifications/src/config.ts',
  'router/src/config.ts',
];
// Read by tests and CI only (not by services).
const TEST_ONLY = new Set(['TEST_DATABASE_URL', 'CI']);

async function variablesReadByServices(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of CONFIG_MODULES) {
    const source = await readFile(path.join(repoRoot, file), 'utf8');
    for (const match of source.matchAll(/(?<!serviceBase)\(env, '([A-Z][A-Z0-9_]+)'/g)) names.add(match[1] as string);
    // serviceBase(env, 'PLANTS', …) reads the prefixed trio and the shared variables; authBaseUrl(env) reads AUTH_URL.
    for (const match of source.matchAll(/serviceBase\(env, '([A-Z]+)'/g)) {
      for (const suffix of ['HOST', 'PORT', 'DATABASE_URL']) names.add(`${match[1]}_${suffix}`);
      for (const shared of ['NODE_ENV', 'DATA_DIR', 'REDIS_URL', 'LOG_JSON']) names.add(shared);
    }
    if (source.includes('authBaseUrl(env)')) names.add('AUTH_URL');
  }
  return names;
}

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string> }>;
}

describe('configuration documentation', () => {
  it('documents every variable in .env.example and the README', async () => {
    const names = await variablesReadByServices();
    expect(names.size).toBeGreaterThan(15);
    const example = await readFile(path.join(repoRoot, '.env.example'), 'utf8');
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    for (const name of names) {
      expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^#?\\s*${name}=`, 'm'));
      expect(readme, `README lacks ${name}`).toContain(`\`${name}\``);
    }
  });

  it('docker-compose.yml only sets variables the services read', async () => {
    const names = await variablesReadByServices();
    const compose = parse(await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), {
      merge: true,
    }) as ComposeFile;
    const coordination = new Set(['postgres', 'redis']);
    for (const [service, def] of Object.entries(compose.services)) {
      if (coordination.has(service)) continue;
      for (const name of Object.keys(def.environment ?? {})) {
        if (/^SUBGRAPH_[A-Z0-9_]+_URL$/.test(name)) continue; // the router's per-subgraph overrides (a pattern)
        expect(names.has(name) || TEST_ONLY.has(name), `${service} sets ${name}, which no service reads`).toBe(true);
      }
    }
  });
});
