/** A bad or missing configuration value stops a service at start-up, with a message naming the variable. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@bloomzy/shared/paths';

const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const run = (entry: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [tsx, entry], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('start-up configuration checks', () => {
  it.each([
    ['subgraphs/auth/src/main.ts', { AUTH_PORT: 'abc' }, 'AUTH_PORT'],
    ['subgraphs/auth/src/main.ts', { NODE_ENV: 'production' }, 'AUTH_DATABASE_URL'],
    ['subgraphs/plants/src/main.ts', { REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    ['subgraphs/notifications/src/main.ts', { DISPATCH_INTERVAL_MS: 'soon' }, 'DISPATCH_INTERVAL_MS'],
    ['router/src/main.ts', { SUBGRAPH_PLANTS_URL: 'not a url' }, 'SUBGRAPH_PLANTS_URL'],
    ['router/src/main.ts', { NODE_ENV: 'production' }, 'SUBGRAPH_SECRET'],
    [
      'subgraphs/plants/src/main.ts',
      { NODE_ENV: 'production', PLANTS_DATABASE_URL: 'postgres://bloomzy@localhost/plants' },
      'SUBGRAPH_SECRET',
    ],
    ['subgraphs/notifications/src/main.ts', { SUBGRAPH_SECRET: 'too short' }, 'SUBGRAPH_SECRET'],
  ])('%s refuses %j naming %s', (entry, env, variable) => {
    const result = run(entry, env);
    expect(result.status).toBe(78);
    expect(result.stderr).toContain(variable);
  });
});
