/** What other packages (npm start, the e2e tests) use to run the notifications subgraph in-process. */
export { loadNotificationsConfig, type NotificationsConfig } from './config.js';
export {
  startNotificationsService,
  type NotificationsServiceOptions,
  type RunningNotificationsService,
} from './service.js';
export { notificationTopic } from './live/topic.js';
