/** The plants subgraph as its own process (production topology). */
import { loadOrExit } from '@bloomzy/shared/config';
import { createInfrastructure } from '@bloomzy/shared/infrastructure';
import { createLogger } from '@bloomzy/shared/logger';
import { runUntilSignal } from '@bloomzy/shared/service';
import { loadPlantsConfig } from './config.js';
import { startPlantsService } from './service.js';

const config = loadOrExit(() => loadPlantsConfig(process.env));
const logger = createLogger({ service: 'plants', json: config.logJson });
await runUntilSignal(async () => {
  const infra = await createInfrastructure({ redisUrl: config.redisUrl, logger });
  const service = await startPlantsService({ config, infra, logger });
  return { stop: async () => (await service.stop(), await infra.close()) };
});
