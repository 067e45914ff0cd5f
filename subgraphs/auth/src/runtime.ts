/** What the auth service's code needs at run time; built once by service.ts, replaced piecemeal in tests. */
import type { RevocationStore } from '@bloomzy/shared/auth/revocations';
import type { Clock } from '@bloomzy/shared/clock';
import type { Logger } from '@bloomzy/shared/logger';
import type { Outbox } from '@bloomzy/shared/messaging/outbox';
import type { RateLimiter } from '@bloomzy/shared/rate-limit';
import type { AuthConfig } from './config.js';
import type { AuthDb } from './db/client.js';
import type { SigningKeys } from './tokens/signing-keys.js';

export interface AuthRuntime {
  db: AuthDb;
  keys: SigningKeys;
  config: Pick<AuthConfig, 'accessTokenTtlSeconds' | 'refreshTokenTtlDays' | 'adminEmails' | 'signInLimits'>;
  revocations: RevocationStore;
  rateLimiter: RateLimiter;
  /** Where profile events are written with each change; its relay publishes them. */
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
}
