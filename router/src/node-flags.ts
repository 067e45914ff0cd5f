/**
 * Node flags the router runs with, wherever it runs: the image's CMD, docker-compose.yml, `npm start` and the
 * benchmarks (test/router-node-flags.test.ts holds them to this list). None today: V8's defaults.
 *
 * The router used to run with 32 MiB semi-spaces (`--max-semi-space-size=32`): a query allocated so much that died
 * young that scavenges were a fifth of its busy time. Since answers are shaped without per-value records
 * (result-shaping.ts) and subgraph fetches without per-fetch Request/Headers/Response objects (gateway.ts), the larger
 * young generation no longer pays for its memory: in bench:gateway its peak RSS was 1.23× stock @apollo/gateway's
 * (above the 1.2× budget) against 1.10× without, and throughput stayed over 4× stock's either way.
 */
export const ROUTER_NODE_FLAGS: readonly string[] = [];
