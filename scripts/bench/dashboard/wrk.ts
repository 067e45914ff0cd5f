/**
 * Runs /usr/bin/wrk with a generated Lua script that POSTs GraphQL requests and reports latency and errors. Given
 * several requests (one per user), each connection's requests take them in turn, so concurrent requests are mostly
 * different users' and nothing a router shares between identical requests flatters the figures.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors and timeouts, non-200 answers and answers carrying GraphQL `errors`. */
  errors: number;
  timeouts: number;
}

const luaString = (text: string) => `[==[${text}]==]`;

/**
 * The script: every thread counts bad answers in its own Lua state; `done` sums them through `setup`'s thread list
 * and prints one JSON line. Each of the `threads` takes users of its own in turn (thread i every threads-th user from
 * the i-th), so a user's next request leaves only after all that thread's other users' did: threads that started one
 * user apart and took every user (as they once did) asked for the same users at nearly the same moments, and the
 * router's in-flight sharing of identical fetches served a third of the fetches without sending them.
 */
function script(requests: readonly WrkRequest[], threads: number): string {
  const luaTable = (headers: Record<string, string>) =>
    `{ ${Object.entries({ 'content-type': 'application/json', ...headers })
      .map(([k, v]) => `[ ${luaString(k)} ] = ${luaString(v)}`)
      .join(', ')} }`;
  const entries = requests
    .map((r) => `  { body = ${luaString(r.body)}, headers = ${luaTable(r.headers)} },`)
    .join('\n');
  return `
local requests = {
${entries}
}
local threads = {}
function setup(thread)
  thread:set("turn", #threads)
  table.insert(threads, thread)
end
bad = 0
turn = 0
-- With fewer users than threads (one user) every thread takes them all.
local usable = #requests >= ${threads} and #requests - #requests % ${threads} or #requests
function request()
  local r = requests[turn % usable + 1]
  turn = turn + ${threads}
  return wrk.format("POST", nil, r.headers, r.body)
end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    bad = bad + 1
    if bad == 1 then io.stderr:write("first bad answer: " .. status .. " " .. string.sub(body, 1, 300) .. "\\n") end
  end
end
function done(summary, latency, requests)
  local bad_total = 0
  for _, t in ipairs(threads) do bad_total = bad_total + t:get("bad") end
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"bad":%d,"socket":%d,"timeouts":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad_total,
    e.connect + e.read + e.write, e.timeout))
end
`;
}

export interface WrkRequest {
  body: string;
  headers: Record<string, string>;
}

export async function wrk(options: {
  url: string;
  requests: readonly WrkRequest[];
  connections: number;
  seconds: number;
}): Promise<WrkResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-wrk-'));
  try {
    const file = path.join(dir, 'post.lua');
    const threads = Math.min(2, options.connections);
    await writeFile(file, script(options.requests, threads));
    const { stdout, stderr } = await run(
      '/usr/bin/wrk',
      [
        '-t',
        String(threads),
        '-c',
        String(options.connections),
        '-d',
        `${options.seconds}s`,
        '--timeout',
        '10s',
        '-s',
        file,
        options.url,
      ],
      { maxBuffer: 1 << 20 },
    );
    const line = stdout.split('\n').find((l) => l.startsWith('WRKJSON '));
    if (!line) throw new Error(`wrk printed no summary:\n${stdout}\n${stderr}`);
    if (stderr.trim()) console.warn(stderr.trim());
    const r = JSON.parse(line.slice('WRKJSON '.length)) as Record<string, number>;
    const requests = r.requests ?? 0;
    return {
      requests,
      rps: requests / ((r.duration_us ?? 1) / 1e6),
      p50Ms: (r.p50_us ?? 0) / 1000,
      p99Ms: (r.p99_us ?? 0) / 1000,
      errors: (r.bad ?? 0) + (r.socket ?? 0) + (r.timeouts ?? 0),
      timeouts: r.timeouts ?? 0,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
