/**
 * The production build runs without TypeScript tooling: `npm run build` (turbo; a cache hit when `npm test` has just
 * built), then the auth subgraph started exactly as docker-compose starts it, `node --conditions=production
 * subgraphs/auth/dist/main.js` with no tsx loader, on Postgres (embedded PGlite without TEST_DATABASE_URL). Node 20
 * cannot load TypeScript, so a single import resolving to a source file would stop the start. And every package the
 * built JavaScript imports is a production dependency of the package that imports it, so what the image's
 * `npm ci --omit=dev` installs is enough (a real `npm ci --omit=dev` takes a minute here; the Dockerfile does it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@bloomzy/shared/paths';
import { freePorts } from './ports.js';

const BUILT_PACKAGES = [
  '.',
  'router',
  'subgraphs/shared',
  'subgraphs/auth',
  'subgraphs/plants',
  'subgraphs/notifications',
];

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => path.join(e.parentPath, e.name));
}

/** The package names a built module imports (static, side-effect and dynamic), `node:` and relative imports left out. */
function importedPackages(code: string): string[] {
  const patterns = [
    /^(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns
    .flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1] ?? ''))
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0] ?? ''))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

describe('the built output (npm run build)', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let output = '';
  const adminUrl = process.env.TEST_DATABASE_URL;
  const database = `bloomzy_built_${process.pid}`;

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8', timeout: 240_000 });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-built-'));
    if (adminUrl) await admin(`CREATE DATABASE "${database}"`);
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (adminUrl) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports only production dependencies of the importing package (and workspace packages it depends on)', async () => {
    const seen = new Set<string>();
    for (const dir of BUILT_PACKAGES) {
      const manifest = JSON.parse(await readFile(path.join(repoRoot, dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const allowed = new Set(Object.keys(manifest.dependencies ?? {}));
      const files = await jsFiles(path.join(repoRoot, dir, 'dist'));
      expect(files.length, `${dir}/dist has no JavaScript`).toBeGreaterThan(0);
      for (const file of files) {
        for (const name of importedPackages(await readFile(file, 'utf8'))) {
          expect(allowed, `${path.relative(repoRoot, file)} imports ${name}`).toContain(name);
          seen.add(name);
        }
      }
    }
    // The scan does see imports: workspace packages, the generated Prisma clients' runtime, the server stack.
    for (const name of ['@bloomzy/shared', '@prisma/client', 'fastify', '@apollo/gateway'])
      expect(seen).toContain(name);
  });

  it('starts a subgraph from dist/ with plain node, answers /ready and GraphQL, and stops on SIGTERM', async () => {
    const [port] = await freePorts(1);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_JSON: 'false',
      AUTH_PORT: String(port),
      AUTH_HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    };
    if (adminUrl) {
      // The URL without its password and the password from a file, as docker-compose passes them.
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      const passwordFile = path.join(dataDir, 'postgres-password');
      await writeFile(
        passwordFile,
        `${url.password ? decodeURIComponent(url.password) : randomBytes(12).toString('hex')}\n`,
      );
      url.password = '';
      env.AUTH_DATABASE_URL = url.toString();
      env.AUTH_DATABASE_PASSWORD_FILE = passwordFile;
    }
    if (adminUrl) {
      // As compose's `migrate` service does before any subgraph starts: the built migration script, plain node.
      const migrate = spawnSync(process.execPath, ['--conditions=production', 'dist/scripts/db-migrate.js'], {
        cwd: repoRoot,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(migrate.status, `${migrate.stdout}${migrate.stderr}`).toBe(0);
      expect(migrate.stdout).toMatch(/auth: applied /);
    }
    const started = Date.now();
    child = spawn(process.execPath, ['--conditions=production', 'subgraphs/auth/dist/main.js'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));

    let ready = false;
    while (!ready && Date.now() - started < 30_000 && child.exitCode === null) {
      ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready, output).toBe(true);
    expect(output).toContain(adminUrl ? 'database: postgres' : 'database: pglite');

    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
    // The SDL is read from schema/auth.graphql at start: the built code finds the repository's files.
    expect(body.data?._service?.sdl, JSON.stringify(body)).toContain('type User');

    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  });
});
