/**
 * `npm run bench:startup` (after `npm run build`): start-up time and memory of each service, built against from
 * source. Every service is started BENCH_RUNS times (default 5) in three ways:
 *  - `built`: `node --conditions=production <package>/dist/main.js`, as the image runs it;
 *  - `tsx`: `node --import tsx <package>/src/main.ts`, compiling TypeScript on the fly;
 *  - `npx tsx`: what docker-compose ran before the production image (npm's and tsx's wrapper processes included).
 * It prints the median time from spawn to the first 200 on /ready, and the resident memory (RSS, the whole process
 * tree) one second after ready. Subgraphs run on Postgres (TEST_DATABASE_URL's server, databases of their own, dropped
 * afterwards) with in-memory coordination; the router is measured against built subgraphs. Linux only (/proc).
 * Figures, not assertions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { applyMigrations } from '@bloomzy/shared/db/migrations';
import { subgraphs } from '@bloomzy/shared/manifest';
import { prismaProject, repoRoot } from '@bloomzy/shared/paths';
import { freePorts } from '../test/e2e/ports.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'bench-startup-secret-'.repeat(3);
const MODES = {
  built: (dir: string) => [process.execPath, '--conditions=production', `${dir}/dist/main.js`],
  tsx: (dir: string) => [process.execPath, '--import', 'tsx', `${dir}/src/main.ts`],
  'npx tsx': (dir: string) => ['npx', 'tsx', `${dir}/src/main.ts`],
} as const;
type Mode = keyof typeof MODES;

if (!existsSync(path.join(repoRoot, 'router', 'dist', 'main.js'))) {
  console.error('No built output: run `npm run build` first.');
  process.exit(1);
}

/** Resident set size in MiB of `pid` and all its descendants (npx → tsx → node are three processes). */
function treeRssMiB(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  let kib = 0;
  for (const member of tree) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kib / 1024;
}

async function waitReady(url: string, child: ChildProcess, started: number): Promise<number> {
  while (child.exitCode === null) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return performance.now() - started;
    if (performance.now() - started > 60_000) break;
    await sleep(10);
  }
  throw new Error(`${url} never became ready`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // The whole process group: `npx tsx` is three processes, and its wrappers may not relay the signal.
  const signal = (name: NodeJS.Signals) => process.kill(-(child.pid ?? 0), name);
  signal('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => signal('SIGKILL'))]);
  await sleep(200).then(() => {
    try {
      signal('SIGKILL'); // whatever of the group outlived its leader
    } catch {
      // The group is gone.
    }
  });
}

function start(command: readonly string[], env: Record<string, string>): ChildProcess {
  const [file = '', ...args] = command;
  return spawn(file, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
    detached: true, // its own process group, stopped as a whole
  });
}

/** One fresh start: ms from spawn to ready, and MiB resident one second later. */
async function measureOnce(command: readonly string[], env: Record<string, string>, readyUrl: string) {
  const started = performance.now();
  const child = start(command, env);
  try {
    const ms = await waitReady(readyUrl, child, started);
    await sleep(1_000);
    return { ms, rss: treeRssMiB(child.pid ?? 0) };
  } finally {
    await stop(child);
  }
}

/**
 * Median start-up (ms) and RSS (MiB) of RUNS fresh starts in each mode. The modes take turns within each run, so a
 * load change on the machine affects them alike.
 */
async function measure(command: (mode: Mode) => readonly string[], env: Record<string, string>, readyUrl: string) {
  const samples = new Map<Mode, { ms: number; rss: number }[]>();
  for (let i = 0; i < RUNS; i++) {
    for (const mode of Object.keys(MODES) as Mode[]) {
      const list = samples.get(mode) ?? [];
      list.push(await measureOnce(command(mode), env, readyUrl));
      samples.set(mode, list);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  return [...samples].map(([mode, list]) => ({
    mode,
    ms: median(list.map((s) => s.ms)),
    rss: median(list.map((s) => s.rss)),
  }));
}

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
const dbUrl = (name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/bloomzy_bench_startup_${name}`;
  return url.toString();
};

const entries = subgraphs();
const ports = await freePorts(entries.length + 1);
const routerPort = ports[entries.length] ?? 0;
const envOf = new Map<string, Record<string, string>>();
entries.forEach(({ name, envPrefix }, i) => {
  envOf.set(name, {
    SUBGRAPH_SECRET: SECRET,
    AUTH_URL: `http://127.0.0.1:${ports[0]}`,
    [`${envPrefix}_HOST`]: '127.0.0.1',
    [`${envPrefix}_PORT`]: String(ports[i]),
    [`${envPrefix}_DATABASE_URL`]: dbUrl(name),
  });
});
const routerEnv: Record<string, string> = {
  SUBGRAPH_SECRET: SECRET,
  AUTH_URL: `http://127.0.0.1:${ports[0]}`,
  ROUTER_HOST: '127.0.0.1',
  ROUTER_PORT: String(routerPort),
  ...Object.fromEntries(
    entries.map(({ envPrefix }, i) => [`SUBGRAPH_${envPrefix}_URL`, `http://127.0.0.1:${ports[i]}/graphql`]),
  ),
};

const rows: string[][] = [];
const background: ChildProcess[] = [];
try {
  for (const { name } of entries) {
    await admin(`DROP DATABASE IF EXISTS "bloomzy_bench_startup_${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "bloomzy_bench_startup_${name}"`);
    await applyMigrations(prismaProject(name), new PrismaPg({ connectionString: dbUrl(name) }));
  }
  for (const [i, { name }] of entries.entries()) {
    const dir = `subgraphs/${name}`;
    const url = `http://127.0.0.1:${ports[i]}/ready`;
    for (const { mode, ms, rss } of await measure((mode) => MODES[mode](dir), envOf.get(name) ?? {}, url)) {
      rows.push([name, mode, ms.toFixed(0), rss.toFixed(0)]);
    }
    console.error(`${name} measured`);
  }
  // The router is ready once every subgraph answers: keep built subgraphs running while it is measured.
  for (const [i, { name }] of entries.entries()) {
    const child = start(MODES.built(`subgraphs/${name}`), envOf.get(name) ?? {});
    background.push(child);
    await waitReady(`http://127.0.0.1:${ports[i]}/ready`, child, performance.now());
  }
  const routerUrl = `http://127.0.0.1:${routerPort}/ready`;
  for (const { mode, ms, rss } of await measure((mode) => MODES[mode]('router'), routerEnv, routerUrl)) {
    rows.push(['router', mode, ms.toFixed(0), rss.toFixed(0)]);
  }
} finally {
  await Promise.all(background.map(stop));
  for (const { name } of entries) await admin(`DROP DATABASE IF EXISTS "bloomzy_bench_startup_${name}" WITH (FORCE)`);
}

console.log(`\nStart-up (median of ${RUNS}, spawn → /ready 200) and RSS 1 s after ready, node ${process.version}:\n`);
console.log('| Service | Started as | Start-up (ms) | RSS (MiB) |');
console.log('| --- | --- | ---: | ---: |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
