/** The plants subgraph's entry points for `npm start`, the e2e harness and its own process. */
export { loadPlantsConfig, type PlantsConfig } from './config.js';
export { startPlantsService, type PlantsServiceOptions, type RunningPlantsService } from './service.js';
