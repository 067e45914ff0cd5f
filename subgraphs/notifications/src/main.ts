/** The notifications subgraph as its own process (production topology). */
import { loadOrExit } from '@bloomzy/shared/config';
import { createInfrastructure } from '@bloomzy/shared/infrastructure';
import { createLogger } from '@bloomzy/shared/logger';
import { runUntilSignal } from '@bloomzy/shared/service';
import { loadNotificationsConfig } from './config.js';
import { startNotificationsService } from './service.js';

const config = loadOrExit(() => loadNotificationsConfig(process.env));
const logger = createLogger({ service: 'notifications', json: config.logJson });
await runUntilSignal(async () => {
  const infra = await createInfrastructure({ redisUrl: config.redisUrl, logger, consumerName: config.instanceId });
  const service = await startNotificationsService({ config, infra, logger });
  return { stop: async () => (await service.stop(), await infra.close()) };
});
