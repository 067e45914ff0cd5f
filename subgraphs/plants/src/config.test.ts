import { describe, expect, it } from 'vitest';
import { ConfigError } from '@bloomzy/shared/env-schema';
import { subgraph } from '@bloomzy/shared/manifest';
import { loadPlantsConfig, plantsVariables } from './config.js';

describe('loadPlantsConfig', () => {
  it('has working defaults for npm start', () => {
    const config = loadPlantsConfig({ DATA_DIR: '/tmp/bloomzy' });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 4002,
      production: false,
      databaseUrl: undefined,
      authUrl: 'http://localhost:4001',
    });
    expect(config.dataDir).toBe('/tmp/bloomzy/plants');
    expect(config.scheduleReconcileIntervalMs).toBe(60_000);
  });
  it('requires a Postgres URL in production, naming the variable', () => {
    expect(() => loadPlantsConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadPlantsConfig({ NODE_ENV: 'production' })).toThrow(/PLANTS_DATABASE_URL/);
    const production = { NODE_ENV: 'production', PLANTS_DATABASE_URL: 'postgres://db/plants' };
    expect(loadPlantsConfig({ ...production, SUBGRAPH_SECRET: 's'.repeat(32) }).logJson).toBe(true);
  });
  it.each([
    ['PLANTS_PORT', '70000'],
    ['PLANTS_DATABASE_URL', 'mysql://db/plants'],
    ['AUTH_URL', 'ftp://auth'],
    ['REDIS_URL', 'http://redis'],
    ['SCHEDULE_RECONCILE_INTERVAL_MS', '500'],
    ['SCHEDULE_RECONCILE_INTERVAL_MS', 'soon'],
  ])('refuses a bad %s', (variable, value) => {
    expect(() => loadPlantsConfig({ [variable]: value })).toThrow(new RegExp(variable));
  });
  it('trims a trailing slash from AUTH_URL', () => {
    expect(loadPlantsConfig({ AUTH_URL: 'https://auth.internal:4001/' }).authUrl).toBe('https://auth.internal:4001');
  });
  it("listens on the manifest's port and logs at LOG_LEVEL (default info)", () => {
    expect(loadPlantsConfig({}).port).toBe(subgraph('plants').defaultPort);
    expect(loadPlantsConfig({}).logLevel).toBe('info');
    expect(loadPlantsConfig({ LOG_LEVEL: 'trace' }).logLevel).toBe('trace');
    expect(() => loadPlantsConfig({ LOG_LEVEL: 'chatty' })).toThrow(/LOG_LEVEL/);
  });
  it('lists the variables it reads as data', () => {
    const names = plantsVariables.map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['PLANTS_PORT', 'AUTH_URL', 'SCHEDULE_RECONCILE_INTERVAL_MS']));
    expect(plantsVariables.find((v) => v.name === 'SCHEDULE_RECONCILE_INTERVAL_MS')?.default).toBe('60000');
  });
});
