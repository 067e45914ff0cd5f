/**
 * A row of an engine reminder as the dispatcher finds it, for tests that insert due work straight into the database:
 * the `i`th for `userId`, due at `at` (scheduled and dispatchable then), on `channels` (IN_APP by default).
 */
import { randomUUID } from 'node:crypto';
import type { NotificationChannel } from '../db/client.js';

export function reminderRow(
  userId: string,
  at: Date,
  i: number,
  options: { channels?: NotificationChannel[]; createdAt?: Date } = {},
) {
  const channels = options.channels ?? ['IN_APP'];
  return {
    id: randomUUID(),
    userId,
    type: 'WATERING_REMINDER' as const,
    source: 'ENGINE' as const,
    title: `Reminder ${i}`,
    body: '',
    channels,
    pendingChannels: channels,
    scheduledFor: at,
    dispatchAt: at,
    createdAt: options.createdAt ?? at,
  };
}
