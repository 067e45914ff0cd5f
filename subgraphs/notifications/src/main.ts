/** The notifications subgraph as its own process (production topology). */
import { runSubgraphProcess } from '@bloomzy/shared/service';
import { notificationsSubgraph } from './index.js';

await runSubgraphProcess('notifications', notificationsSubgraph, process.env);
