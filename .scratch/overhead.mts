import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startOtlpReceiver } from '../test/e2e/otlp-receiver.ts';
import { DASHBOARD } from '../router/src/testing/costly-operations.ts';
const root = '/work/wt/i10-traces';
const N = Number(process.env.N ?? 300);
async function run(tracing: boolean) {
  const receiver = await startOtlpReceiver();
  const data = await mkdtemp(path.join(os.tmpdir(), 'i10t-ov-'));
  const env: Record<string, string> = { ...process.env as Record<string, string>, DATA_DIR: data, ROUTER_PORT: '14100', AUTH_PORT: '14101', PLANTS_PORT: '14102', NOTIFICATIONS_PORT: '14103', RATE_LIMIT_REQUESTS: '1000000', RATE_LIMIT_COST: '100000000', LOG_LEVEL: 'warn' };
  if (tracing) Object.assign(env, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' });
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) { if (await fetch('http://127.0.0.1:14100/ready').then(r => r.ok, () => false)) break; await new Promise(r => setTimeout(r, 100)); }
  const startMs = Date.now() - t0;
  const gql = async (query: string, variables = {}, token?: string) => (await fetch('http://127.0.0.1:14100/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) })).json() as any;
  const s = await gql(`mutation { signup(input: { email: "o${Date.now()}@x.test", password: "monstera-42-long", timezone: "UTC" }) { accessToken } }`);
  const token = s.data.signup.accessToken;
  const cat = await gql('{ indoorPlants(first: 10) { edges { node { id } } } }');
  for (const e of cat.data.indoorPlants.edges) await gql('mutation($i: AddUserPlantInput!) { addUserPlant(input: $i) { id } }', { i: { plantId: e.node.id, nickname: 'p' } }, token);
  for (let i = 0; i < 50; i++) await gql(DASHBOARD, {}, token);
  const lat: number[] = [];
  const t1 = performance.now();
  for (let i = 0; i < N; i++) { const a = performance.now(); const r = await gql(DASHBOARD, {}, token); if (r.errors) throw new Error(JSON.stringify(r.errors)); lat.push(performance.now() - a); }
  const total = performance.now() - t1;
  lat.sort((a, b) => a - b);
  const rss = Number((await import('node:child_process')).execSync(`ps -o rss= -p ${child.pid}`).toString().trim()) / 1024;
  child.kill('SIGINT'); await new Promise(r => child.once('exit', r));
  await new Promise(r => setTimeout(r, 300));
  console.log(`${tracing ? 'tracing ON ' : 'tracing OFF'}: start ${startMs} ms; dashboard x${N} sequential: median ${lat[N >> 1]!.toFixed(1)} ms, p95 ${lat[Math.floor(N * 0.95)]!.toFixed(1)} ms, ${(N / total * 1000).toFixed(1)} ops/s; RSS ${rss.toFixed(0)} MB; spans received ${receiver.spans().length}`);
  await receiver.close();
}
for (const mode of (process.env.MODES ?? 'off,on,off,on').split(',')) await run(mode === 'on');
