/**
 * Load from wrk (apt-get install wrk), a separate process, so the figures measure the gateway and not the benchmark's
 * own event loop. Its Lua script posts the operation and compares every response body byte for byte with the one
 * answer the gateway gave before the run, which the benchmark checked against the expected data.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not the expected body with status 200 (non-2xx included). */
  wrong: number;
  non2xx: number;
  socketErrors: number;
}

const script = (body: string, expectedPath: string) => `
wrk.method = "POST"
wrk.body = ${JSON.stringify(body)}
wrk.headers["content-type"] = "application/json"
local file = assert(io.open(${JSON.stringify(expectedPath)}, "rb"))
local expected = file:read("*a")
file:close()
wrong = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status ~= 200 or body ~= expected then wrong = wrong + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("wrong") end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), total, e.status, e.connect + e.read + e.write + e.timeout))
end
`;

export async function runWrk(
  url: string,
  query: string,
  expectedBody: string,
  options: { seconds: number; connections: number; threads?: number },
): Promise<WrkResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-bench-gateway-'));
  try {
    const expectedPath = path.join(dir, 'expected.json');
    const luaPath = path.join(dir, 'post.lua');
    await writeFile(expectedPath, expectedBody);
    await writeFile(luaPath, script(JSON.stringify({ query }), expectedPath));
    const args = [
      `-t${options.threads ?? 2}`,
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      '--timeout',
      '10s',
      '-s',
      luaPath,
      url,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${out}`))));
    });
    const line = /^RESULT (.*)$/m.exec(output)?.[1];
    if (!line) throw new Error(`wrk printed no result:\n${output}`);
    const [requests, durationUs, p50Us, p99Us, wrong, non2xx, socketErrors] = line.split(' ').map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const seconds = durationUs / 1e6;
    return {
      requests,
      seconds,
      rps: requests / seconds,
      p50Ms: p50Us / 1000,
      p99Ms: p99Us / 1000,
      wrong,
      non2xx,
      socketErrors,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
