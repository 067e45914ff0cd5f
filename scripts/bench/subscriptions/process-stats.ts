/**
 * What a process holds, from /proc (Linux): resident memory, open file descriptors, CPU time, and how many of its
 * TCP sockets are connected to a given port (the router's upstream sockets to the notifications subgraph).
 */
import { readdir, readFile, readlink } from 'node:fs/promises';

export interface ProcessStats {
  rssMb: number;
  fds: number;
  /** User + system CPU seconds since the process started. */
  cpuSeconds: number;
}

export async function processStats(pid: number): Promise<ProcessStats> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const fds = (await readdir(`/proc/${pid}/fd`)).length;
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name), in clock ticks (100 per second on Linux).
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100;
  return { rssMb: Math.round(rssKb / 1024), fds, cpuSeconds };
}

/** Established TCP connections of `pid` whose remote end is 127.0.0.1:`port`. */
export async function connectionsTo(pid: number, port: number): Promise<number> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const table of [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`]) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      // cols: sl, local, remote, state (01 = ESTABLISHED), ..., inode at index 9
      if (cols[3] === '01' && cols[2]?.endsWith(`:${portHex}`) && inodes.has(cols[9] ?? '')) count++;
    }
  }
  return count;
}
