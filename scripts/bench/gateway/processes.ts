/**
 * The benchmark's child processes (subgraphs, each gateway: this same script with `--role`), and what the kernel says
 * they use: CPU time and resident memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export interface Child {
  pid: number;
  /** What the child printed after READY: its URL. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs `script --role <role>` under tsx with `nodeFlags` (a gateway's own runtime flags); resolves once it prints
 * `READY <url>`.
 */
export async function startChild(
  script: string,
  role: string,
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, '--role', role], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const ready = /^READY (\S+)$/.exec(line)?.[1];
      if (ready) resolve(ready);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
  });
  return {
    pid: child.pid!,
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) the process has used so far. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may contain spaces: utime and stime are the 14th and 15th fields.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident memory in MB. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples the peak RSS of `pid` until the returned function is called, which resolves to it. */
export function watchPeakRss(pid: number, everyMs = 250): () => Promise<number> {
  let peak = 0;
  const sample = () =>
    rssMb(pid).then(
      (mb) => (peak = Math.max(peak, mb)),
      () => undefined,
    );
  void sample();
  const timer = setInterval(() => void sample(), everyMs);
  return async () => {
    clearInterval(timer);
    await sample();
    return peak;
  };
}
