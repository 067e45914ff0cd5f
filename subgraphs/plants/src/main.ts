/**
 * The plants subgraph as its own process (production topology). Tracing starts first and the service loads after it, so
 * that the instrumentations see every module (telemetry/start-tracing.ts).
 */
import { startTracing } from '@bloomzy/shared/telemetry/start-tracing';

await startTracing('plants', process.env);
const { runSubgraphProcess } = await import('@bloomzy/shared/service');
const { plantsSubgraph } = await import('./index.js');
await runSubgraphProcess('plants', plantsSubgraph, process.env);
