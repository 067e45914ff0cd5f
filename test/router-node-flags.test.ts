/**
 * The router's Node flags (router/src/node-flags.ts) are the same wherever it runs: the image's CMD, the compose
 * service, `npm start` (the router runs in that one process, also as the e2e tests start it), the e2e/benchmark
 * topology and bench:gateway.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROUTER_NODE_FLAGS } from '@bloomzy/router/node-flags';
import { repoRoot } from '@bloomzy/shared/paths';

const read = (file: string) => readFile(path.join(repoRoot, file), 'utf8');
/** Node's own arguments in a command line: everything before the script. */
const nodeArgs = (command: string[], script: string) => command.slice(1, command.indexOf(script));

describe('router node flags', () => {
  it('are the Docker image CMD’s', async () => {
    const cmd = (await read('Dockerfile')).split('\n').find((line) => line.startsWith('CMD '));
    const command = JSON.parse(cmd!.slice('CMD '.length)) as string[];
    expect(nodeArgs(command, 'router/dist/main.js')).toEqual(['--conditions=production', ...ROUTER_NODE_FLAGS]);
  });

  it('are the compose router’s', async () => {
    const compose = parse(await read('docker-compose.yml'), { merge: true }) as {
      services: Record<string, { command?: string[] }>;
    };
    const command = compose.services.router?.command ?? [];
    expect(nodeArgs(command, 'router/dist/main.js')).toEqual(['--conditions=production', ...ROUTER_NODE_FLAGS]);
  });

  it('are npm start’s', async () => {
    const { scripts } = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
    const command = scripts.start!.split(' ');
    expect(nodeArgs(command, 'scripts/start.ts')).toEqual([...ROUTER_NODE_FLAGS]);
  });

  it('are passed by the topology and bench:gateway that start the router', async () => {
    expect(await read('test/e2e/processes.ts')).toMatch(/entry\.startsWith\('router\/'\) \? ROUTER_NODE_FLAGS/);
    expect(await read('scripts/bench-gateway.ts')).toMatch(/kind === 'bloomzy' \? ROUTER_NODE_FLAGS/);
    // The npm start e2e tests and bench:dashboard's `npm start` shape spawn scripts/start.ts themselves.
    expect(await read('test/e2e/npm-start-process.ts')).toMatch(
      /\[cli, \.\.\.ROUTER_NODE_FLAGS, 'scripts\/start\.ts'\]/,
    );
    expect(await read('scripts/bench/dashboard/shapes.ts')).toMatch(
      /\[\.\.\.ROUTER_NODE_FLAGS, \.\.\.profileFlags\(cpuProfileDir\), '--import', 'tsx', 'scripts\/start\.ts'\]/,
    );
  });
});
