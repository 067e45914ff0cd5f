/** The auth subgraph as its own process (production topology). */
import { loadOrExit } from '@bloomzy/shared/config';
import { createInfrastructure } from '@bloomzy/shared/infrastructure';
import { createLogger } from '@bloomzy/shared/logger';
import { runUntilSignal } from '@bloomzy/shared/service';
import { loadAuthConfig } from './config.js';
import { startAuthService } from './service.js';

const config = loadOrExit(() => loadAuthConfig(process.env));
const logger = createLogger({ service: 'auth', json: config.logJson });
await runUntilSignal(async () => {
  const infra = await createInfrastructure({ redisUrl: config.redisUrl, logger });
  const service = await startAuthService({ config, infra, logger });
  return { stop: async () => (await service.stop(), await infra.close()) };
});
