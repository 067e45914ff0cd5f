/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked statically against supergraph.yaml: a
 * service per subgraph, each service's configuration loads with exactly the environment compose gives it, listens
 * where the others expect it, shares the subgraph secret and starts a file that exists; only the router is reachable
 * from outside; every application service is health-checked on /ready and started only after what it needs is
 * healthy; no password is written in the file; the Dockerfile builds every package and runs built JavaScript as a
 * non-root user. (test/e2e/built-service.test.ts boots the built output.)
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
  image?: string;
  command?: string[];
  healthcheck?: { test?: string[] };
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

/** The script a `node` command runs: its first `.js` argument (node's own flags come before it). */
const entryOf = (service: Service | undefined) => service?.command?.find((arg) => arg.endsWith('.js')) ?? '';
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

  it('runs built entry points with plain node (no tsx, no npm), compiled from sources that exist', async () => {
    const { services } = await load();
    const built = Object.entries(services).filter(([, service]) => service.image === 'bloomzy:latest');
    expect(built.map(([name]) => name).sort()).toEqual([...names, 'migrate', 'router'].sort());
    for (const [name, service] of built) {
      const [node, conditions] = service.command ?? [];
      const entry = entryOf(service);
      expect([node, conditions], name).toEqual(['node', '--conditions=production']);
      await expect(access(path.join(repoRoot, sourceOf(entry))), `${name}: ${entry}`).resolves.toBeUndefined();
    }
    for (const name of names) expect(entryOf(services[name])).toBe(`subgraphs/${name}/dist/main.js`);
    expect(entryOf(services.router)).toBe('router/dist/main.js');
    // `npm run build` compiles the root's operational scripts (tsconfig.build.json) beside the packages.
    expect(entryOf(services.migrate)).toBe('dist/scripts/db-migrate.js');
    const rootBuild = JSON.parse(await readFile(path.join(repoRoot, 'tsconfig.build.json'), 'utf8')) as {
      files: string[];
    };
    expect(rootBuild.files).toContain('scripts/db-migrate.ts');
  });

  it('health-checks every application service on /ready at its own port, with node (the image has no curl)', async () => {
    const { services } = await load();
    const ports: Record<string, number> = { router: loadRouterConfig(services.router?.environment ?? {}, []).port };
    for (const name of names)
      ports[name] = (await loadSubgraphModule(name)).loadConfig(services[name]?.environment ?? {}).port;
    for (const [name, port] of Object.entries(ports)) {
      const [kind, node, flag, script] = services[name]?.healthcheck?.test ?? [];
      expect([kind, node, flag], name).toEqual(['CMD', 'node', '-e']);
      expect(script, name).toContain(`fetch('http://127.0.0.1:${port}/ready')`);
      expect(script, name).toMatch(/process\.exit\(r\.ok \? 0 : 1\), \(\) => process\.exit\(1\)/);
    }
    for (const name of ['postgres', 'redis']) expect(services[name]?.healthcheck?.test, name).toBeDefined();
  });

  it('starts a service only once what it depends on is healthy (or, for migrations, done)', async () => {
    const { services } = await load();
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
        const expected = dependency === 'migrate' ? 'service_completed_successfully' : 'service_healthy';
        expect(condition, `${name} → ${dependency}`).toEqual({ condition: expected });
        if (expected === 'service_healthy') expect(services[dependency]?.healthcheck, dependency).toBeDefined();
      }
    }
    expect(Object.keys(services.router?.depends_on ?? {}).sort()).toEqual([...names, 'redis'].sort());
    for (const name of names) expect(Object.keys(services[name]?.depends_on ?? {}), name).toContain('migrate');
  });

  it('writes no password: Postgres and every database URL read it from the postgres_password secret', async () => {
    const { services, secrets = {} } = await load();
    const text = await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/:\/\/[^/@\s]*:[^/@\s]*@/); // scheme://user:password@
    expect(text).not.toMatch(/PASSWORD:/); // POSTGRES_PASSWORD: literal (the _FILE variant is fine)
    expect(secrets.postgres_password?.file).toBe('./secrets/postgres-password');
    expect(services.postgres?.environment?.POSTGRES_PASSWORD_FILE).toBe('/run/secrets/postgres_password');
    for (const [name, service] of Object.entries(services)) {
      const urls = Object.keys(service.environment ?? {}).filter((key) => key.endsWith('_DATABASE_URL'));
      if (urls.length) expect(service.secrets, name).toContain('postgres_password');
      for (const variable of urls) {
        const file = variable.replace(/_URL$/, '_PASSWORD_FILE');
        expect(service.environment?.[file], `${name}: ${file}`).toBe('/run/secrets/postgres_password');
      }
    }
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
      expect(config.databaseUrl, name).toBe(`postgres://bloomzy@postgres:5432/bloomzy_${name}`);
      expect(config.databasePasswordFile, name).toBe('/run/secrets/postgres_password');
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

/** The TypeScript source a built entry point is compiled from: <package>/dist/x.js ← <package>/src/x.ts, dist/scripts/x.js ← scripts/x.ts. */
function sourceOf(entry: string): string {
  const root = /^dist\/(.+)\.js$/.exec(entry);
  if (root) return `${root[1]}.ts`;
  const inPackage = /^(.+)\/dist\/(.+)\.js$/.exec(entry);
  if (!inPackage) throw new Error(`${entry} is not a built entry point (<package>/dist/*.js)`);
  return `${inPackage[1]}/src/${inPackage[2]}.ts`;
}

/** The Dockerfile's stages: `FROM <image> AS <name>` and the instructions under it. */
function stagesOf(dockerfile: string): { from: string; name: string; lines: string[] }[] {
  const stages: { from: string; name: string; lines: string[] }[] = [];
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ from: from[1] ?? '', name: from[2] ?? '', lines: [] });
    else stages.at(-1)?.lines.push(line.trim());
  }
  return stages;
}

describe('Dockerfile', () => {
  const read = (file: string) => readFile(path.join(repoRoot, file), 'utf8');

  it('builds every workspace package without naming them', async () => {
    const dockerfile = await read('Dockerfile');
    for (const name of names) expect(dockerfile, 'the Dockerfile should not list subgraphs').not.toContain(name);
    expect(dockerfile).toMatch(/RUN npm run build/);
    const ignored = (await read('.dockerignore')).split('\n');
    for (const entry of ['.git', '.data', 'secrets', 'node_modules', '**/node_modules', '**/dist', '.env']) {
      expect(ignored, entry).toContain(entry);
    }
  });

  it('ships a final stage of built JavaScript and production dependencies, run by node under tini', async () => {
    const dockerfile = await read('Dockerfile');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    const stages = stagesOf(dockerfile);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    // Each stage starts from the slim Node image or an earlier stage; the final one from the bare image.
    stages.forEach((stage, i) =>
      expect(['${NODE_IMAGE}', ...stages.slice(0, i).map((s) => s.name)], stage.name).toContain(stage.from),
    );
    expect(stages.at(-1)?.from).toBe('${NODE_IMAGE}');
    const runtime = stages.at(-1);
    const lines = runtime?.lines ?? [];
    // Production dependencies come from a stage that installed them with --omit=dev (and no install scripts: the
    // root postinstall needs tsx); built output from the build stage; nothing is compiled or installed here.
    const copied = lines.filter((line) => line.startsWith('COPY')).map((line) => /--from=(\S+)/.exec(line)?.[1]);
    const production = stages.find((stage) => stage.name === copied[0]);
    expect(production?.lines.join('\n')).toMatch(/npm ci --omit=dev --ignore-scripts/);
    expect(copied[1]).toBe('build');
    expect(lines.join('\n')).not.toMatch(/npm (ci|install|run)|tsx|COPY \. /);
    expect(lines).toContain('USER node');
    expect(lines).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(lines.join('\n')).toMatch(/apt-get install -y --no-install-recommends tini/);
    expect(lines.find((line) => line.startsWith('CMD'))).toMatch(
      /^CMD \["node", "--conditions=production", (?:"--[\w-]+(?:=\w+)?", )*"router\/dist\/main\.js"/,
    );
    // USER comes before CMD: nothing after it runs as root.
    expect(lines.indexOf('USER node')).toBeGreaterThan(lines.findLastIndex((line) => line.startsWith('RUN')));
  });

  it('builds the image docker-compose runs for every application service', async () => {
    const { services } = await load();
    for (const name of [...names, 'migrate', 'router']) expect(services[name]?.image, name).toBe('bloomzy:latest');
  });
});
