/** What the plants domain functions need; built once by service.ts, replaced piecemeal in tests. */
import type { Clock } from '@bloomzy/shared/clock';
import type { Logger } from '@bloomzy/shared/logger';
import type { EventBus } from '@bloomzy/shared/messaging/event-bus';
import type { PlantsDb } from '../db/client.js';

export interface PlantsDeps {
  db: PlantsDb;
  events: EventBus;
  clock: Clock;
  logger: Logger;
}
