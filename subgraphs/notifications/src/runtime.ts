/**
 * What the notifications service's code needs at run time: its database, the instance settings delivery depends on,
 * live pub/sub, rate limiter, clock and logger. Built once by service.ts; functions take the `Pick` of it they use, so
 * a test can hand them just that.
 */
import type { Clock } from '@bloomzy/shared/clock';
import type { Logger } from '@bloomzy/shared/logger';
import type { PubSub } from '@bloomzy/shared/messaging/pubsub';
import type { RateLimiter } from '@bloomzy/shared/rate-limit';
import type { NotificationsConfig } from './config.js';
import type { NotificationsDb } from './db/client.js';

export interface NotificationsRuntime {
  db: NotificationsDb;
  config: Pick<
    NotificationsConfig,
    'webhookAllowPrivate' | 'webhookTimeoutMs' | 'instanceId' | 'email' | 'webPush' | 'unsubscribeSecret' | 'publicUrl'
  >;
  pubsub: PubSub;
  rateLimiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  /** Asks the dispatcher to look for due work now (a test notification should not wait for the next tick). */
  wakeDispatcher(): void;
}
