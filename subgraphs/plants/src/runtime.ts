/**
 * What the plants service's code needs at run time: its database, the event bus and the outbox, the clock and the
 * logger. Built once
 * by service.ts and handed to domain functions, event consumers and jobs (tests replace parts of it).
 */
import type { Clock } from '@bloomzy/shared/clock';
import type { Logger } from '@bloomzy/shared/logger';
import type { EventBus } from '@bloomzy/shared/messaging/event-bus';
import type { Outbox } from '@bloomzy/shared/messaging/outbox';
import type { PlantsDb } from './db/client.js';

export interface PlantsRuntime {
  db: PlantsDb;
  /** Consumed from (auth's profile events). */
  events: EventBus;
  /** Where care-schedule events are written, with the confirmation of what they cover; its relay publishes them. */
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
}
