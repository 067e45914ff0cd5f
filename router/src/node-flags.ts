/**
 * Node flags the router runs with, wherever it runs: the image's CMD, docker-compose.yml, `npm start` and the
 * benchmarks (test/router-node-flags.test.ts holds them to this list).
 *
 * A query allocates a great deal that dies young (parsed subgraph answers, the merged result, its JSON). With V8's
 * default young generation (16 MiB semi-spaces on 64-bit) the router spent about a fifth of its busy time in
 * scavenges under load; 32 MiB semi-spaces halve how often they run, for about 50 MB more resident memory.
 * 64 MiB gained a little more throughput but pushed the router's RSS past 1.2× stock @apollo/gateway's.
 */
export const ROUTER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
