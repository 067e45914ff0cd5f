/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked statically against supergraph.yaml: a
 * service per subgraph, each service's configuration loads with exactly the environment compose gives it, listens
 * where the others expect it, shares the subgraph secret and starts a file that exists; only the router is reachable
 * from outside; the Dockerfile builds every package.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRouterConfig } from '@bloomzy/router/config';
import type { ServiceBaseConfig } from '@bloomzy/shared/config';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';
import { loadSubgraphModule } from '../scripts/subgraph-modules.js';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown>;
  deploy?: { replicas?: number };
  networks?: string[];
  secrets?: string[];
}
interface Compose {
  services: Record<string, Service>;
  networks?: Record<string, { internal?: boolean } | null>;
  secrets?: Record<string, { file?: string }>;
}

const load = async () =>
  parse(await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as Compose;
const names = subgraphs().map((s) => s.name);
/** Prometheus, Grafana and Jaeger (ops/): their UIs are published on the host's loopback only. */
const observability = ['grafana', 'jaeger', 'prometheus'];

describe('docker-compose.yml', () => {
  it('has the production topology: Postgres, Redis, migrations, every subgraph of supergraph.yaml and the router', async () => {
    const { services } = await load();
    expect(Object.keys(services).sort()).toEqual(
      [...names, ...observability, 'migrate', 'postgres', 'redis', 'router'].sort(),
    );
    expect(services.notifications?.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('publishes only the router on the host, and the observability UIs on its loopback', async () => {
    const { services } = await load();
    const published = Object.entries(services).filter(([, service]) => service.ports?.length);
    expect(published.map(([name]) => name).sort()).toEqual([...observability, 'router'].sort());
    for (const name of observability) {
      for (const port of services[name]?.ports ?? []) expect(port, name).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it('keeps Postgres, Redis and the subgraphs on an internal network, which the router joins beside its published one', async () => {
    const { services, networks = {} } = await load();
    const internal = Object.keys(networks).filter((name) => networks[name]?.internal);
    expect(internal).toEqual(['backend']);
    // Grafana reads Prometheus and Jaeger over their own network; it needs nothing on the backend.
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'grafana') expect(service.networks, name).toContain('backend');
      if (observability.includes(name)) expect(service.networks, name).not.toContain('edge');
    }
    for (const name of ['postgres', 'redis', 'migrate']) expect(services[name]?.networks, name).toEqual(['backend']);
    expect(services.router?.networks).toEqual(['backend', 'edge']);
    // A subgraph may reach out (notifications' webhooks) but never shares the router's published network.
    for (const name of names) expect(services[name]?.networks, name).not.toContain('edge');
  });

  it('gives the router and every subgraph the subgraph secret, as a docker secret', async () => {
    const { services, secrets = {} } = await load();
    expect(secrets.subgraph_secret?.file).toBeDefined();
    for (const name of [...names, 'router']) {
      expect(services[name]?.secrets, name).toContain('subgraph_secret');
      expect(services[name]?.environment?.SUBGRAPH_SECRET_FILE, name).toBe('/run/secrets/subgraph_secret');
    }
  });

  it('starts entry points that exist', async () => {
    const { services } = await load();
    for (const [name, service] of Object.entries(services)) {
      const file = service.command?.find((part) => part.endsWith('.ts'));
      if (file) await expect(access(path.join(repoRoot, file)), `${name}: ${file}`).resolves.toBeUndefined();
    }
    for (const name of names) expect(services[name]?.command?.join(' ')).toContain(`subgraphs/${name}/src/main.ts`);
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(services.migrate?.command).toEqual(['npm', 'run', 'db:migrate']);
    expect(pkg.scripts['db:migrate']).toBeDefined();
  });

  it('gives each service a configuration that loads, on the ports the others expect', async () => {
    const { services } = await load();
    const env = (name: string) => services[name]?.environment ?? {};
    const configs: Record<string, ServiceBaseConfig> = {};
    for (const name of names) configs[name] = (await loadSubgraphModule(name)).loadConfig(env(name));
    const router = loadRouterConfig(env('router'), services.router?.command ?? []);
    const migrate = env('migrate');
    const init = await readFile(path.join(repoRoot, 'scripts', 'postgres-init.sql'), 'utf8');
    expect(router.production).toBe(true);
    expect(router.redisUrl).toBe('redis://redis:6379');
    expect(router.subgraphSecretFile).toBe('/run/secrets/subgraph_secret');
    for (const { name, envPrefix } of subgraphs()) {
      const config = configs[name] as ServiceBaseConfig;
      expect(config.production, name).toBe(true);
      expect(config.databaseUrl, name).toContain(`@postgres:5432/bloomzy_${name}`);
      expect(config.redisUrl, name).toBe('redis://redis:6379');
      expect(config.subgraphSecretFile, name).toBe(router.subgraphSecretFile);
      // The migrate job must target the same databases the services use.
      expect(migrate[`${envPrefix}_DATABASE_URL`], name).toBe(config.databaseUrl);
      expect(init).toContain(`CREATE DATABASE bloomzy_${name}`);
    }
    expect(router.subgraphUrls).toEqual(
      Object.fromEntries(names.map((name) => [name, `http://${name}:${configs[name]?.port}/graphql`])),
    );
    expect(router.jwksUrl).toBe(`http://auth:${configs.auth?.port}/.well-known/jwks.json`);
    expect(router.supergraphPath).toBe(path.join(repoRoot, 'schema', 'supergraph.graphql'));
    expect(services.router?.ports).toContain(`${router.port}:${router.port}`);
  });
});

describe('Dockerfile', () => {
  it('builds every workspace package without naming them', async () => {
    const dockerfile = await readFile(path.join(repoRoot, 'Dockerfile'), 'utf8');
    for (const name of names) expect(dockerfile, 'the Dockerfile should not list subgraphs').not.toContain(name);
    const ignored = await readFile(path.join(repoRoot, '.dockerignore'), 'utf8');
    for (const entry of ['.git', '.data', 'secrets', 'node_modules']) expect(ignored).toContain(entry);
  });
});
