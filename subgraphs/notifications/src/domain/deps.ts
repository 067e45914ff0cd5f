/** What the notifications domain needs; built once by service.ts, replaced piecemeal in tests. */
import type { Clock } from '@bloomzy/shared/clock';
import type { Logger } from '@bloomzy/shared/logger';
import type { PubSub } from '@bloomzy/shared/messaging/pubsub';
import type { RateLimiter } from '@bloomzy/shared/rate-limit';
import type { NotificationsConfig } from '../config.js';
import type { NotificationsDb } from '../db/client.js';

export interface NotificationsDeps {
  db: NotificationsDb;
  config: Pick<NotificationsConfig, 'webhookAllowPrivate' | 'webhookTimeoutMs' | 'instanceId'>;
  pubsub: PubSub;
  rateLimiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  /** Asks the dispatcher to look for due work now (a test notification should not wait for the next tick). */
  wakeDispatcher(): void;
}
