/**
 * One service of the e2e topology as a real OS process: `node --import tsx <entry>` with only the variables it is
 * given, its recent output kept for failure reports, killed (SIGKILL) or stopped (SIGTERM) as a test needs, and polled
 * until ready. Processes still running when the test process exits are killed with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '@bloomzy/shared/paths';

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  /** Its own Prometheus listener (METRICS_PORT), as every production process has. */
  readonly metricsUrl: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
  /** The last lines it wrote to stdout and stderr, for failure reports. */
  output(): string;
  /** SIGKILL: the process dies on the spot, like a crashed container. */
  kill(): void;
  /** SIGTERM (graceful shutdown), then SIGKILL if it is still running after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
// Should the test process die without running afterAll, take the services with it rather than leave them listening.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Variables a child may inherit; everything else comes from `env`, so the developer's own settings cannot leak in. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'];
const MAX_LINES = 300;

/**
 * Starts `node --import tsx <entry>` in the repository root. Not `npx tsx`: its wrapper process would survive a
 * SIGKILL aimed at the service, and the service would go on dispatching.
 */
export function startService(options: {
  name: string;
  entry: string;
  port: number;
  metricsPort: number;
  env: Record<string, string>;
  /** The service's own Node flags, as its production command line gives them. */
  nodeFlags?: readonly string[];
}): ServiceProcess {
  const metrics = { METRICS_HOST: '127.0.0.1', METRICS_PORT: String(options.metricsPort) };
  const env: Record<string, string> = { NODE_ENV: 'test', LOG_JSON: 'false', ...metrics };
  for (const key of INHERITED) if (process.env[key]) env[key] = process.env[key] ?? '';
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', options.entry], {
    cwd: repoRoot,
    env: { ...env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${options.name} did not start`);
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      lines.push(`-- exited (${signal ?? `code ${code}`})`);
      resolve();
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const baseUrl = `http://127.0.0.1:${options.port}`;
  return {
    name: options.name,
    pid: child.pid,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    metricsUrl: `http://127.0.0.1:${options.metricsPort}/metrics`,
    exited,
    output: () => lines.map((l) => `[${options.name}] ${l}`).join('\n'),
    kill() {
      if (alive()) child.kill('SIGKILL');
    },
    async stop(graceMs = 5_000) {
      if (!alive()) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const graceful = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(timer);
      if (!graceful) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls `path` until it answers 200; fails early, with the process's output, if the process exits or time runs out. */
export async function waitUntilReady(service: ServiceProcess, pathname: string, timeoutMs = 30_000): Promise<void> {
  let dead = false;
  void service.exited.then(() => (dead = true));
  const deadline = Date.now() + timeoutMs;
  while (!dead && Date.now() < deadline) {
    const ok = await fetch(`${service.baseUrl}${pathname}`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `${service.name} was not ready at ${pathname} ${dead ? '(it exited)' : `within ${timeoutMs} ms`}:\n${service.output()}`,
  );
}
