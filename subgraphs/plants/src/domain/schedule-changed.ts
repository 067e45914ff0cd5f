/** The mark that makes a committed schedule change reach notifications at least once (see care-events.ts). */
import type { Prisma } from '../db/client.js';

/**
 * Spread into the write that changes what a plant's care-schedule event says (its schedule inputs, nickname or
 * archiving), inside the same statement or transaction: from the commit on, the change is recorded as unpublished
 * until an event about it is confirmed, so a publish lost after the commit is redone by the schedule reconciler.
 */
export const SCHEDULE_CHANGED = {
  scheduleVersion: { increment: 1 },
} as const satisfies Prisma.UserPlantUpdateManyMutationInput;
