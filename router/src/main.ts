/** The router as its own process: `tsx router/src/main.ts [--supergraph <file>]`. */
import { loadOrExit } from '@bloomzy/shared/config';
import { createCoordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import { runUntilSignal } from '@bloomzy/shared/service';
import { loadRouterConfig } from './config.js';
import { startRouter } from './server.js';

const config = loadOrExit(() => loadRouterConfig(process.env, process.argv.slice(2)));
const logger = createLogger({ service: 'router', json: config.logJson });
await runUntilSignal(async () => {
  const coordination = await createCoordination({ redisUrl: config.redisUrl, logger });
  const router = await startRouter({ config, logger, revocations: coordination.revocations });
  return { stop: async () => (await router.stop(), await coordination.close()) };
});
