/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked statically: each service's configuration
 * loads with exactly the environment compose gives it, listens where the others expect it, and starts a file that
 * exists.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAuthConfig } from '@bloomzy/auth/config';
import { loadNotificationsConfig } from '@bloomzy/notifications/config';
import { loadPlantsConfig } from '@bloomzy/plants/config';
import { loadRouterConfig } from '@bloomzy/router/config';
import { repoRoot } from '@bloomzy/shared/paths';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown>;
  deploy?: { replicas?: number };
}
interface Compose {
  services: Record<string, Service>;
}

const load = async () =>
  parse(await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as Compose;

describe('docker-compose.yml', () => {
  it('has the production topology: Postgres, Redis, migrations, three subgraphs and the router', async () => {
    const { services } = await load();
    expect(Object.keys(services).sort()).toEqual([
      'auth',
      'migrate',
      'notifications',
      'plants',
      'postgres',
      'redis',
      'router',
    ]);
    expect(services.notifications?.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('starts entry points that exist', async () => {
    const { services } = await load();
    for (const [name, service] of Object.entries(services)) {
      const file = service.command?.find((part) => part.endsWith('.ts'));
      if (file) await expect(access(path.join(repoRoot, file)), `${name}: ${file}`).resolves.toBeUndefined();
    }
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(services.migrate?.command).toEqual(['npm', 'run', 'db:migrate']);
    expect(pkg.scripts['db:migrate']).toBeDefined();
  });

  it('gives each service a configuration that loads, on the ports the others expect', async () => {
    const { services } = await load();
    const env = (name: string) => services[name]?.environment ?? {};
    const auth = loadAuthConfig(env('auth'));
    const plants = loadPlantsConfig(env('plants'));
    const notifications = loadNotificationsConfig(env('notifications'));
    const router = loadRouterConfig(env('router'), services.router?.command ?? []);
    expect(auth.production && plants.production && notifications.production && router.production).toBe(true);
    expect(auth.databaseUrl).toContain('@postgres:5432/bloomzy_auth');
    expect(plants.databaseUrl).toContain('@postgres:5432/bloomzy_plants');
    expect(notifications.databaseUrl).toContain('@postgres:5432/bloomzy_notifications');
    for (const config of [auth, plants, notifications, router]) expect(config.redisUrl).toBe('redis://redis:6379');
    expect(router.subgraphUrls).toEqual({
      auth: `http://auth:${auth.port}/graphql`,
      plants: `http://plants:${plants.port}/graphql`,
      notifications: `http://notifications:${notifications.port}/graphql`,
    });
    expect(router.jwksUrl).toBe(`http://auth:${auth.port}/.well-known/jwks.json`);
    expect(router.supergraphPath).toBe(path.join(repoRoot, 'schema', 'supergraph.graphql'));
    // The migrate job must target the same databases the services use.
    const migrate = env('migrate');
    expect(migrate.AUTH_DATABASE_URL).toBe(auth.databaseUrl);
    expect(migrate.PLANTS_DATABASE_URL).toBe(plants.databaseUrl);
    expect(migrate.NOTIFICATIONS_DATABASE_URL).toBe(notifications.databaseUrl);
    expect(services.router?.ports).toContain(`${router.port}:${router.port}`);
    const init = await readFile(path.join(repoRoot, 'scripts', 'postgres-init.sql'), 'utf8');
    for (const db of ['bloomzy_auth', 'bloomzy_plants', 'bloomzy_notifications'])
      expect(init).toContain(`CREATE DATABASE ${db}`);
  });
});
