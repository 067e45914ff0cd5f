/**
 * CPU profiles of running services over a window (the burst), through the inspector each process opened with
 * `--inspect=127.0.0.1:0` (its port is in the "Debugger listening on ws://…" line it printed): Profiler.start, then
 * Profiler.stop; writes the .cpuprofile (Chrome DevTools / speedscope) and prints the top functions by self time.
 */
import { writeFile } from 'node:fs/promises';
import WebSocket from 'ws';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The inspector's WebSocket URL from a process's output (the last one it printed). */
export function inspectorUrl(output: string): string | null {
  const matches = [...output.matchAll(/Debugger listening on (ws:\/\/\S+)/g)];
  return matches.at(-1)?.[1] ?? null;
}

class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
    });
  }
  static async open(url: string): Promise<Cdp> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new Cdp(socket);
  }
  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.pending.set(id, resolve as (result: unknown) => void));
  }
  close(): void {
    this.socket.close();
  }
}

export interface Profiling {
  /** Stops, writes `<dir>/<name>.cpuprofile` and prints the `top` functions by self time. */
  stop(dir: string, top?: number): Promise<void>;
}

export async function startProfiling(name: string, url: string): Promise<Profiling> {
  const cdp = await Cdp.open(url);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    async stop(dir, top = 25) {
      const { profile } = await cdp.send<{ profile: Profile }>('Profiler.stop');
      cdp.close();
      await writeFile(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
      console.log(`${name} CPU profile (${dir}/${name}.cpuprofile):\n${summarize(profile, top)}`);
    },
  };
}

/** Self time by function (and by package), in ms. */
function summarize(profile: Profile, top: number): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url ? 'app' : functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  });
  const lines = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
      .join('\n');
  return `total ${total.toFixed(0)} ms\n by package:\n${lines(byPackage, 12)}\n by function:\n${lines(byFunction, top)}`;
}
