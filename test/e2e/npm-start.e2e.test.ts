/**
 * What a newcomer does: `npm start` as a real process (here on other ports, with a temporary data directory), signup
 * and login through the router with plain HTTP, Ctrl-C, start again — the account is still there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { interrupt, npmStart, npmStartPorts, stop } from './npm-start-process.js';
import { scrape, sum } from './prometheus-text.js';

describe('npm start', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup) await fn();
  });

  it('serves signup/login/me through the router, stops on Ctrl-C and keeps the data across a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-start-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const { router, auth, metrics, env: ports } = await npmStartPorts(dataDir);
    const env = { ...ports, NODE_ENV: 'development' };
    const url = `http://127.0.0.1:${router}/graphql`;
    const first = await npmStart(env, router);
    cleanup.push(() => stop(first));
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

    const second = await npmStart(env, router);
    cleanup.push(() => stop(second));
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
