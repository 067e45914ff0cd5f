/** CPU time of processes from /proc/<pid>/stat (Linux): utime + stime, in milliseconds. */
import { readFile } from 'node:fs/promises';

// USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK) is not reachable from Node).
const TICK_MS = 10;

/** utime + stime of `pid` in ms, or undefined once the process has gone. */
async function cpuMs(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // The command name may hold spaces and parentheses; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export interface NamedPids {
  name: string;
  pids: number[];
}

/** CPU ms of each group (its pids summed) between the call and the returned function's call. */
export async function cpuSnapshot(groups: NamedPids[]): Promise<() => Promise<Map<string, number>>> {
  const read = async () =>
    Promise.all(groups.map(async (g) => (await Promise.all(g.pids.map(cpuMs))).map((ms) => ms ?? 0)));
  const before = await read();
  return async () => {
    const after = await read();
    return new Map(
      groups.map((g, i) => [
        g.name,
        (after[i] ?? []).reduce((sum, ms, j) => sum + Math.max(0, ms - (before[i]?.[j] ?? 0)), 0),
      ]),
    );
  };
}
