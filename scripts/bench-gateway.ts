/**
 * `npm run bench:gateway`: the Bloomzy router against stock @apollo/gateway on the shape of The Guild's federation
 * gateway benchmark (four subgraphs, their data and their query: scripts/bench/gateway/), in one run.
 *
 * The subgraphs run in one child process and each gateway in its own; wrk loads one gateway at a time with 50
 * connections, in interleaved rounds (stock, Bloomzy, stock, Bloomzy, ...) after a warm-up, so that both see the same
 * machine. Every response is compared with the expected answer (derived from the data, checked once per gateway, then
 * byte for byte by wrk). Prints per round and as medians: requests per second, p50, p99, peak RSS, CPU (share of one
 * core and milliseconds per request) and subgraph HTTP requests (and operations) per query, with Bloomzy/stock ratios.
 * BENCH_SECONDS (per round per gateway, default 10), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 50).
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { ROUTER_NODE_FLAGS } from '@bloomzy/router/node-flags';
import { startGateway, type GatewayKind } from './bench/gateway/gateways.js';
import { cpuSeconds, startChild, watchPeakRss, type Child } from './bench/gateway/processes.js';
import { composeSupergraph, expectedData, QUERY } from './bench/gateway/query.js';
import { DATA, serveSubgraphs, SUBGRAPH_NAMES, type SubgraphCounts } from './bench/gateway/subgraphs.js';
import { runWrk } from './bench/gateway/wrk.js';

const { values: args } = parseArgs({ options: { role: { type: 'string' } } });
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 3;
const KINDS: GatewayKind[] = ['stock', 'bloomzy'];

interface Round {
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  cpuShare: number;
  cpuMsPerRequest: number;
  requestsPerQuery: number;
  operationsPerQuery: number;
  wrong: number;
  socketErrors: number;
}

async function counts(subgraphsUrl: string): Promise<{ requests: number; operations: number }> {
  const all = (await (await fetch(`${subgraphsUrl}/counts`)).json()) as SubgraphCounts;
  return SUBGRAPH_NAMES.reduce(
    (sum, name) => ({ requests: sum.requests + all[name].requests, operations: sum.operations + all[name].operations }),
    { requests: 0, operations: 0 },
  );
}

/** The gateway's answer, checked against the data; its exact bytes are what wrk then expects of every response. */
async function checkedAnswer(kind: GatewayKind, url: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const text = await res.text();
  // Bloomzy's answer also carries `extensions.cost` (demand control); no errors, and exactly the expected data.
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || body.errors || !isDeepStrictEqual(body.data, expectedData(DATA))) {
    throw new Error(
      `${kind} answered ${res.status} with something else than expected:\n${text.slice(0, 300)} … ${text.slice(-300)}`,
    );
  }
  return text;
}

async function round(gateway: Child, expected: string, subgraphsUrl: string, duration: number): Promise<Round> {
  const before = await counts(subgraphsUrl);
  const cpuBefore = await cpuSeconds(gateway.pid);
  const peakRss = watchPeakRss(gateway.pid);
  const result = await runWrk(gateway.url, QUERY, expected, { seconds: duration, connections });
  const cpu = (await cpuSeconds(gateway.pid)) - cpuBefore;
  const after = await counts(subgraphsUrl);
  return {
    rps: result.rps,
    p50: result.p50Ms,
    p99: result.p99Ms,
    rssMb: await peakRss(),
    cpuShare: cpu / result.seconds,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, result.requests),
    requestsPerQuery: (after.requests - before.requests) / Math.max(1, result.requests),
    operationsPerQuery: (after.operations - before.operations) / Math.max(1, result.requests),
    wrong: result.wrong,
    socketErrors: result.socketErrors,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const line = (label: string, r: Round) =>
  `${label.padEnd(16)} ${r.rps.toFixed(1).padStart(8)} rps  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99
    .toFixed(1)
    .padStart(
      7,
    )} ms  RSS ${r.rssMb.toFixed(0).padStart(4)} MB  CPU ${(r.cpuShare * 100).toFixed(0).padStart(3)} % ${r.cpuMsPerRequest
    .toFixed(2)
    .padStart(
      6,
    )} ms/req  subgraph req/query ${r.requestsPerQuery.toFixed(2)} (ops ${r.operationsPerQuery.toFixed(2)})  wrong ${r.wrong + r.socketErrors}`;

async function main() {
  const script = process.argv[1]!;
  // Everything runs as deployed: NODE_ENV=production (graphql-js skips its development-only checks, Apollo Server its
  // development behaviour), for both gateways alike.
  const production = { NODE_ENV: 'production' };
  const subgraphs = await startChild(script, 'subgraphs', production);
  const gateways = new Map<GatewayKind, Child>();
  try {
    for (const kind of KINDS) {
      // Each gateway runs as it ships: stock with Node's defaults, the router with its production flags.
      const nodeFlags = kind === 'bloomzy' ? ROUTER_NODE_FLAGS : [];
      gateways.set(
        kind,
        await startChild(script, kind, { ...production, BENCH_SUBGRAPHS_URL: subgraphs.url }, nodeFlags),
      );
    }
    const expected = new Map<GatewayKind, string>();
    for (const kind of KINDS) expected.set(kind, await checkedAnswer(kind, gateways.get(kind)!.url));
    console.log(
      `bench:gateway — ${rounds} rounds × ${seconds} s per gateway, ${connections} connections (wrk), after ${WARMUP_SECONDS} s warm-up each`,
    );
    for (const kind of KINDS) await round(gateways.get(kind)!, expected.get(kind)!, subgraphs.url, WARMUP_SECONDS);
    const results = new Map<GatewayKind, Round[]>(KINDS.map((kind) => [kind, []]));
    for (let i = 1; i <= rounds; i++) {
      for (const kind of KINDS) {
        const r = await round(gateways.get(kind)!, expected.get(kind)!, subgraphs.url, seconds);
        results.get(kind)!.push(r);
        console.log(line(`round ${i} ${kind}`, r));
      }
    }
    const medians = new Map<GatewayKind, Round>();
    for (const kind of KINDS) {
      const all = results.get(kind)!;
      const pick = (key: keyof Round) => median(all.map((r) => r[key]));
      const summary: Round = {
        rps: pick('rps'),
        p50: pick('p50'),
        p99: pick('p99'),
        rssMb: Math.max(...all.map((r) => r.rssMb)),
        cpuShare: pick('cpuShare'),
        cpuMsPerRequest: pick('cpuMsPerRequest'),
        requestsPerQuery: pick('requestsPerQuery'),
        operationsPerQuery: pick('operationsPerQuery'),
        wrong: all.reduce((sum, r) => sum + r.wrong, 0),
        socketErrors: all.reduce((sum, r) => sum + r.socketErrors, 0),
      };
      medians.set(kind, summary);
      console.log(line(`median ${kind}`, summary));
    }
    const stock = medians.get('stock')!;
    const bloomzy = medians.get('bloomzy')!;
    console.log(
      `Bloomzy/stock: rps ${(bloomzy.rps / stock.rps).toFixed(2)}×, p50 ${(bloomzy.p50 / stock.p50).toFixed(2)}×, p99 ${(
        bloomzy.p99 / stock.p99
      ).toFixed(2)}×, RSS (peak) ${(bloomzy.rssMb / stock.rssMb).toFixed(2)}×, CPU/request ${(
        bloomzy.cpuMsPerRequest / stock.cpuMsPerRequest
      ).toFixed(2)}×, subgraph requests/query ${(bloomzy.requestsPerQuery / stock.requestsPerQuery).toFixed(2)}×`,
    );
    const wrong = [...medians.values()].reduce((sum, r) => sum + r.wrong + r.socketErrors, 0);
    if (wrong) {
      console.log(`${wrong} responses were wrong, failed or timed out: the figures above do not count`);
      process.exitCode = 1;
    }
  } finally {
    for (const child of gateways.values()) await child.stop();
    await subgraphs.stop();
  }
}

if (args.role === 'subgraphs') {
  const { url } = await serveSubgraphs();
  console.log(`READY ${url}`);
} else if (args.role === 'stock' || args.role === 'bloomzy') {
  // An orderly exit, so that `node --cpu-prof` writes its profile.
  process.once('SIGTERM', () => process.exit(0));
  const url = await startGateway(args.role, composeSupergraph(process.env.BENCH_SUBGRAPHS_URL!));
  console.log(`READY ${url}`);
} else {
  await main();
}
