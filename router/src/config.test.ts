import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@bloomzy/shared/env-schema';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';
import { loadRouterConfig, routerVariables } from './config.js';

describe('loadRouterConfig', () => {
  it('has working defaults for npm start', () => {
    expect(loadRouterConfig({})).toMatchObject({
      host: '0.0.0.0',
      port: 4000,
      production: false,
      introspection: true,
      logJson: false,
      logLevel: 'info',
      subgraphUrls: {},
      corsOrigins: ['*'],
      apolloTelemetry: false,
      jwksUrl: 'http://localhost:4001/.well-known/jwks.json',
      apiKeyIntrospectionUrl: 'http://localhost:4001/internal/api-keys/introspect',
      supergraphPath: path.join(repoRoot, 'schema', 'supergraph.graphql'),
    });
  });

  it('turns introspection and LOG_JSON to their production defaults, each overridable', () => {
    const production = { NODE_ENV: 'production', SUBGRAPH_SECRET: 's'.repeat(32) };
    expect(loadRouterConfig(production)).toMatchObject({ introspection: false, logJson: true });
    expect(loadRouterConfig({ ...production, INTROSPECTION: 'true', LOG_JSON: 'off' })).toMatchObject({
      introspection: true,
      logJson: false,
    });
  });

  it('requires the subgraph secret in production, inline or as a file', () => {
    expect(() => loadRouterConfig({ NODE_ENV: 'production' })).toThrow(
      'SUBGRAPH_SECRET (or SUBGRAPH_SECRET_FILE) is required when NODE_ENV=production',
    );
    const fromFile = loadRouterConfig({ NODE_ENV: 'production', SUBGRAPH_SECRET_FILE: '/run/secrets/subgraph_secret' });
    expect(fromFile).toMatchObject({ subgraphSecret: undefined, subgraphSecretFile: '/run/secrets/subgraph_secret' });
  });

  it('reads LOG_LEVEL, and --supergraph wins over SUPERGRAPH_PATH', () => {
    const config = loadRouterConfig({ LOG_LEVEL: 'debug', SUPERGRAPH_PATH: '/a.graphql' }, [
      '--supergraph',
      '/b.graphql',
    ]);
    expect(config.logLevel).toBe('debug');
    expect(config.supergraphPath).toBe('/b.graphql');
    expect(() => loadRouterConfig({}, ['--supergraph'])).toThrow(/--supergraph needs a file path/);
    expect(() => loadRouterConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('takes a SUBGRAPH_<NAME>_URL override for every subgraph of the manifest', () => {
    const env = Object.fromEntries(
      subgraphs().map((s) => [`SUBGRAPH_${s.envPrefix}_URL`, `http://${s.name}.internal/graphql`]),
    );
    expect(loadRouterConfig(env).subgraphUrls).toEqual(
      Object.fromEntries(subgraphs().map((s) => [s.name, `http://${s.name}.internal/graphql`])),
    );
    const [first] = subgraphs();
    expect(() => loadRouterConfig({ [`SUBGRAPH_${first?.envPrefix}_URL`]: 'not a url' })).toThrow(
      `SUBGRAPH_${first?.envPrefix}_URL must be a URL`,
    );
  });

  it('refuses SUBGRAPH_<NAME>_URL for a subgraph the manifest does not list', () => {
    const load = () => loadRouterConfig({ SUBGRAPH_PLANTZ_URL: 'http://plants:4002/graphql' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/SUBGRAPH_PLANTZ_URL names no subgraph of supergraph\.yaml/);
  });

  it('times subgraph fetches out after SUBGRAPH_TIMEOUT_MS, or a subgraph own SUBGRAPH_<NAME>_TIMEOUT_MS', () => {
    expect(loadRouterConfig({}).subgraphTimeouts).toEqual({ defaultMs: 10_000, bySubgraph: {} });
    expect(
      loadRouterConfig({ SUBGRAPH_TIMEOUT_MS: '4000', SUBGRAPH_PLANTS_TIMEOUT_MS: '1500' }).subgraphTimeouts,
    ).toEqual({ defaultMs: 4000, bySubgraph: { plants: 1500 } });
    expect(() => loadRouterConfig({ SUBGRAPH_PLANTS_TIMEOUT_MS: 'soon' })).toThrow(
      /SUBGRAPH_PLANTS_TIMEOUT_MS must be between 1 and 300000, got "soon"/,
    );
    expect(() => loadRouterConfig({ SUBGRAPH_TIMEOUT_MS: '0' })).toThrow(/SUBGRAPH_TIMEOUT_MS must be between/);
    expect(() => loadRouterConfig({ SUBGRAPH_PLANTZ_TIMEOUT_MS: '100' })).toThrow(
      /SUBGRAPH_PLANTZ_TIMEOUT_MS names no subgraph of supergraph\.yaml/,
    );
  });

  it('limits each client by default, and believes X-Forwarded-For from no proxy unless told', () => {
    expect(loadRouterConfig({})).toMatchObject({
      rateLimits: {
        windowSeconds: 10,
        requests: 200,
        cost: 50_000,
        maxConnectionsPerClient: 10,
        maxSubscriptionsPerClient: 25,
      },
      trustedProxies: [],
    });
    const config = loadRouterConfig({
      TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7, fd00::/8, loopback',
      RATE_LIMIT_REQUESTS: '5',
      WS_MAX_SUBSCRIPTIONS_PER_CLIENT: '1',
    });
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '192.0.2.7', 'fd00::/8', 'loopback']);
    expect(config.rateLimits).toMatchObject({ requests: 5, maxSubscriptionsPerClient: 1 });
    expect(() => loadRouterConfig({ TRUSTED_PROXIES: '10.0.0.0/8,proxy.internal' })).toThrow(
      'TRUSTED_PROXIES must list addresses or CIDR ranges, got "proxy.internal"',
    );
    expect(() => loadRouterConfig({ RATE_LIMIT_REQUESTS: '0' })).toThrow(/RATE_LIMIT_REQUESTS must be between 1/);
  });

  it('documents SUBGRAPH_<NAME>_URL once, as a pattern standing for the manifest names', () => {
    const pattern = routerVariables.find((v) => v.name === 'SUBGRAPH_<NAME>_URL');
    expect(pattern?.instances).toEqual(subgraphs().map((s) => `SUBGRAPH_${s.envPrefix}_URL`));
    expect(routerVariables.filter((v) => /^SUBGRAPH_.*_URL$/.test(v.name))).toHaveLength(1);
  });
});
