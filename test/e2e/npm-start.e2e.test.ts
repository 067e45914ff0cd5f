/**
 * What a newcomer does: `npm start` as a real process (here on other ports, with a temporary data directory), signup
 * and login through the router with plain HTTP, Ctrl-C, start again — the account is still there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@bloomzy/shared/paths';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { freePorts } from './ports.js';
import { scrape, sum } from './prometheus-text.js';

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function npmStart(env: Record<string, string>, routerPort: number): Promise<Started> {
  let output = '';
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${routerPort}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`npm start was not ready within 60 s:\n${output}`);
}

/** Ctrl-C: SIGINT, and the process must exit by itself (databases closed, sockets released). */
function interrupt(started: Started): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit 10 s after SIGINT:\n${started.output()}`)), 10_000);
    started.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    started.child.kill('SIGINT');
  });
}

describe('npm start', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup) await fn();
  });

  it('serves signup/login/me through the router, stops on Ctrl-C and keeps the data across a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-start-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const [router, auth, plants, notifications, metrics] = await freePorts(5);
    const env = {
      DATA_DIR: dataDir,
      ROUTER_PORT: String(router),
      AUTH_PORT: String(auth),
      PLANTS_PORT: String(plants),
      NOTIFICATIONS_PORT: String(notifications),
      METRICS_PORT: String(metrics),
      NODE_ENV: 'development',
    };
    const url = `http://127.0.0.1:${router}/graphql`;
    const first = await npmStart(env, router as number);
    cleanup.push(async () => first.child.exitCode === null && first.child.kill('SIGKILL'));
    expect(first.output()).toContain(`http://localhost:${router}/graphql`);
    const signup = await gql<{ signup: { user: { id: string } } }>(
      url,
      'mutation { signup(input: { email: "newcomer@bloomzy.test", password: "fiddle-leaf-9" }) { accessToken user { id } } }',
    );
    expect(signup.errors).toBeUndefined();
    // The subgraphs answer the router only, with the secret `npm start` generated for this run.
    const direct = await gql(`http://127.0.0.1:${auth}/graphql`, '{ __typename }');
    expect({ status: direct.status, code: direct.errors?.[0]?.extensions?.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    // One /metrics listener for the whole process: every service's series, labelled by service.
    expect(first.output()).toContain(`http://127.0.0.1:${metrics}/metrics`);
    const samples = await scrape(`http://127.0.0.1:${metrics}/metrics`);
    const operations = samples.filter((x) => x.name === 'bloomzy_graphql_operations_total');
    const services = new Set(operations.map((x) => x.labels.service));
    expect(services).toEqual(new Set(['router', 'auth', 'plants', 'notifications']));
    expect(sum(operations, 'bloomzy_graphql_operations_total', { service: 'auth', type: 'mutation' })).toBe(1);
    for (const service of ['auth', 'plants', 'notifications']) {
      expect(sum(samples, 'bloomzy_dependency_up', { service, dependency: 'database' }), service).toBe(1);
    }
    expect(sum(samples, 'process_resident_memory_bytes', { service: 'bloomzy' })).toBeGreaterThan(0);
    expect(await interrupt(first)).toBe(0);

    const second = await npmStart(env, router as number);
    cleanup.push(async () => second.child.exitCode === null && second.child.kill('SIGKILL'));
    const login = await gql<{ login: { accessToken: string } }>(
      url,
      'mutation { login(email: "newcomer@bloomzy.test", password: "fiddle-leaf-9") { accessToken } }',
    );
    expect(login.errors).toBeUndefined();
    const me = await gql<{ me: { id: string; email: string } }>(
      url,
      '{ me { id email } }',
      {},
      { authorization: `Bearer ${login.data!.login.accessToken}` },
    );
    expect(me.data?.me).toEqual({ id: signup.data!.signup.user.id, email: 'newcomer@bloomzy.test' });
    expect(await interrupt(second)).toBe(0);
  }, 150_000);
});
