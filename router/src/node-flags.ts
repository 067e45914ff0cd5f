/**
 * Node flags the router runs with, wherever it runs: the image's CMD, docker-compose.yml, `npm start` and the
 * benchmarks (test/router-node-flags.test.ts holds them to this list).
 *
 * `--no-memory-reducer`: V8's memory reducer runs full (mark-compact) collections when a process that allocated a lot
 * goes quiet, to hand memory back. A router holding 10 000 live subscriptions keeps about 350 MB of live heap that
 * no collection frees, and after the clients connected it ran three such collections in a row, each 250–450 ms of CPU
 * and none freeing more than 1 MB; landing on a reminder burst they doubled or tripled the router's CPU for it
 * (bench:subscriptions: 6–7 s instead of 1.6–2.4 s, p99 up to 4.7 s). Without it, collections still run whenever the
 * heap grows to its limit; only the idle ones that cannot shrink it are gone. bench:gateway's peak RSS is unaffected
 * (it is reached under load, when the reducer never runs). A 64 MiB young generation would also have cut the
 * burst's scavenges (9 % of the router's busy time instead of 16–30 %), but took bench:gateway's peak RSS to 1.38×
 * stock's.
 *
 * The router used to run with 32 MiB semi-spaces (`--max-semi-space-size=32`): a query allocated so much that died
 * young that scavenges were a fifth of its busy time. Since answers are shaped without per-value records
 * (result-shaping.ts) and subgraph fetches without per-fetch Request/Headers/Response objects (gateway.ts), the larger
 * young generation no longer pays for its memory: in bench:gateway its peak RSS was 1.23× stock @apollo/gateway's
 * (above the 1.2× budget) against 1.10× without, and throughput stayed over 4× stock's either way.
 */
export const ROUTER_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];
