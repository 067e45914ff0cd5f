/** The notifications subgraph's entry point (`@bloomzy/notifications`): how `npm start`, its own process and the tests start it. */
import type { SubgraphModule } from '@bloomzy/shared/service';
import { loadNotificationsConfig, type NotificationsConfig } from './config.js';
import { startNotificationsService } from './service.js';

export const notificationsSubgraph: SubgraphModule<NotificationsConfig> = {
  loadConfig: loadNotificationsConfig,
  start: startNotificationsService,
};
