/** The auth subgraph as its own process (production topology). */
import { runSubgraphProcess } from '@bloomzy/shared/service';
import { authSubgraph } from './index.js';

await runSubgraphProcess('auth', authSubgraph, process.env);
