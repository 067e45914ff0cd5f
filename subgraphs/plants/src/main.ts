/** The plants subgraph as its own process (production topology). */
import { runSubgraphProcess } from '@bloomzy/shared/service';
import { plantsSubgraph } from './index.js';

await runSubgraphProcess('plants', plantsSubgraph, process.env);
