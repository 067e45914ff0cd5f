/**
 * Every environment variable a service reads is documented in .env.example and in the README's table (with the
 * default the schema applies), the README and .env.example name no variable that no service reads, and every variable
 * docker-compose.yml sets is one a service actually reads: configuration drift fails the build. The variables are
 * the data each config module exports (`<service>Variables`, derived from its schema).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EnvVariable } from '@bloomzy/shared/env-schema';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';

// Read by tests and CI only (not by services).
const TEST_ONLY = new Set(['TEST_DATABASE_URL', 'CI']);

/** Each service's exported variable list: the router's and every manifest subgraph's (`@bloomzy/<name>/config`). */
async function variablesReadByServices(): Promise<Map<string, EnvVariable>> {
  const modules = [
    (await import('@bloomzy/router/config')) as Record<string, unknown>,
    ...(await Promise.all(
      subgraphs().map(async (s) => (await import(`@bloomzy/${s.name}/config`)) as Record<string, unknown>),
    )),
  ];
  const variables = new Map<string, EnvVariable>();
  for (const module of modules) {
    const lists = Object.entries(module).filter(([name]) => name.endsWith('Variables'));
    expect(lists, 'a config module exports one <service>Variables list').toHaveLength(1);
    for (const variable of lists[0]?.[1] as EnvVariable[]) variables.set(variable.name, variable);
  }
  return variables;
}

/** Names a variable list accepts as set: plain names and the concrete instances of patterns. */
const settable = (variables: Map<string, EnvVariable>) =>
  new Set([...variables.values()].flatMap((v) => v.instances ?? [v.name]));

/** The README's configuration table: variable name → default cell. */
async function readmeTable(): Promise<Map<string, string>> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const rows = section.slice(0, section.indexOf('\n## ')).split('\n');
  const table = new Map<string, string>();
  for (const row of rows) {
    const cells = row.split('|').map((cell) => cell.trim());
    const name = /^`([A-Z][A-Z0-9_<>]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name) table.set(name, cells[3] ?? '');
  }
  return table;
}

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string> }>;
}

describe('configuration documentation', () => {
  it('documents every variable in .env.example and the README, with the default the schema applies', async () => {
    const variables = await variablesReadByServices();
    expect(variables.size).toBeGreaterThan(15);
    const example = await readFile(path.join(repoRoot, '.env.example'), 'utf8');
    const table = await readmeTable();
    for (const variable of variables.values()) {
      const { name } = variable;
      if (variable.instances) expect(example, `.env.example lacks ${name}`).toContain(name);
      else expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^#?\\s*${name}=`, 'm'));
      expect(table.has(name), `README's table lacks ${name}`).toBe(true);
      if (variable.default !== undefined) {
        expect([variable.default, `\`${variable.default}\``], `README's default of ${name}`).toContain(table.get(name));
      }
    }
  });

  it('documents no variable that no service reads', async () => {
    const variables = await variablesReadByServices();
    for (const name of (await readmeTable()).keys()) {
      expect(variables.has(name) || TEST_ONLY.has(name), `README documents ${name}, which no service reads`).toBe(true);
    }
    const read = settable(variables);
    const example = await readFile(path.join(repoRoot, '.env.example'), 'utf8');
    for (const [, name] of example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)) {
      expect(read.has(name as string), `.env.example sets ${name}, which no service reads`).toBe(true);
    }
  });

  it('docker-compose.yml only sets variables the services read', async () => {
    const read = settable(await variablesReadByServices());
    const compose = parse(await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), {
      merge: true,
    }) as ComposeFile;
    const coordination = new Set(['postgres', 'redis']);
    for (const [service, def] of Object.entries(compose.services)) {
      if (coordination.has(service)) continue;
      for (const name of Object.keys(def.environment ?? {})) {
        expect(read.has(name) || TEST_ONLY.has(name), `${service} sets ${name}, which no service reads`).toBe(true);
      }
    }
  });
});
