/**
 * `npm start` as a real process for e2e tests: scripts/start.ts under tsx, as the npm script runs it, in a process
 * group of its own. tsx runs the script in a child process, so stopping only the process we spawned could leave that
 * child (and its databases) running; the group lets a test end both, whatever state they are in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROUTER_NODE_FLAGS } from '@bloomzy/router/node-flags';
import { repoRoot } from '@bloomzy/shared/paths';
import { freePorts } from './ports.js';

export interface NpmStart {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
}

export interface NpmStartPorts {
  router: number;
  auth: number;
  plants: number;
  notifications: number;
  metrics: number;
  /** The variables that put `npm start` on those ports with its data in `dataDir`. */
  env: Record<string, string>;
}

/** Free ports for the router, the three subgraphs and /metrics, and the environment that puts `npm start` there. */
export async function npmStartPorts(dataDir: string): Promise<NpmStartPorts> {
  const [router, auth, plants, notifications, metrics] = (await freePorts(5)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const env = {
    DATA_DIR: dataDir,
    ROUTER_PORT: String(router),
    AUTH_PORT: String(auth),
    PLANTS_PORT: String(plants),
    NOTIFICATIONS_PORT: String(notifications),
    METRICS_PORT: String(metrics),
  };
  return { router, auth, plants, notifications, metrics, env };
}

/** Starts it with `env` on top of this process's environment; resolves once the router answers /ready. */
export async function npmStart(env: Record<string, string>, routerPort: number): Promise<NpmStart> {
  let output = '';
  const cli = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  // With the router's Node flags, as package.json's start script passes them (tsx hands them to node).
  const child = spawn(process.execPath, [cli, ...ROUTER_NODE_FLAGS, 'scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const started = { child, output: () => output };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${routerPort}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return started;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop(started);
  throw new Error(`npm start was not ready within 60 s:\n${output}`);
}

/** Ctrl-C (SIGINT, which tsx relays): the process must exit by itself (databases closed, sockets released). */
export function interrupt(started: NpmStart): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit 10 s after SIGINT:\n${started.output()}`)), 10_000);
    started.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    started.child.kill('SIGINT');
  });
}

/** For cleanup: Ctrl-C if it is still running, then SIGKILL to the whole group for anything left. */
export async function stop({ child }: Pick<NpmStart, 'child'>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}
