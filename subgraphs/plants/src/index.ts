/** The plants subgraph's entry point (`@bloomzy/plants`): how `npm start`, its own process and the tests start it. */
import type { SubgraphModule } from '@bloomzy/shared/service';
import { loadPlantsConfig, type PlantsConfig } from './config.js';
import { startPlantsService } from './service.js';

export const plantsSubgraph: SubgraphModule<PlantsConfig> = {
  loadConfig: loadPlantsConfig,
  start: startPlantsService,
};
