/** Notifications users create themselves: scheduled ones and test ones. */
import { randomUUID } from 'node:crypto';
import { badInput, conflict, rateLimited } from '@bloomzy/shared/errors';
import { UUID } from '@bloomzy/shared/ids';
import { storedTraceContext } from '@bloomzy/shared/telemetry/propagation';
import type { Notification, NotificationChannel, NotificationType } from '../db/client.js';
import type { NotificationsRuntime } from '../runtime.js';
import { availableChannels, isPaused, loadUserSettings, typeSettings, type UserSettings } from './user-settings.js';

const TITLE_MAX = 255;
const BODY_MAX = 2000;
/** Test notifications per user per minute: each can POST to the user's webhook, so they must not become a flood. */
const TESTS_PER_MINUTE = 5;
/** Scheduled notifications per user per hour: enough for any person, too few to fill the database. */
const SCHEDULED_PER_HOUR = 100;

export interface ScheduleInput {
  type: NotificationType;
  title: string;
  body: string;
  scheduledFor: Date;
  priority?: number | null;
  channels?: NotificationChannel[] | null;
  userPlantId?: string | null;
}

/** The requested channels, or `field` names why one cannot be used. */
function checkChannels(
  s: UserSettings,
  channels: readonly NotificationChannel[],
  field: string,
): NotificationChannel[] {
  const unique = [...new Set(channels)];
  if (unique.length === 0) throw badInput(field, 'At least one channel is needed');
  const available = availableChannels(s);
  for (const channel of unique) {
    if (available.includes(channel)) continue;
    throw badInput(
      field,
      channel === 'WEBHOOK'
        ? 'WEBHOOK needs a webhook URL in your notification preferences'
        : channel === 'IN_APP'
          ? 'In-app notifications are turned off in your account settings'
          : `${channel} is chosen per type (email, webPush) in your notification preferences, not per notification`,
    );
  }
  return unique;
}

function requireEnabled(s: UserSettings): void {
  if (!s.notificationsEnabled) throw conflict('Notifications are turned off in your account settings');
}

export async function scheduleNotification(
  runtime: NotificationsRuntime,
  userId: string,
  input: ScheduleInput,
): Promise<Notification> {
  const now = runtime.clock.now();
  const title = input.title.trim();
  if (title.length === 0 || title.length > TITLE_MAX)
    throw badInput('input.title', `title must be 1–${TITLE_MAX} characters`);
  if (input.body.length > BODY_MAX) throw badInput('input.body', `body must be at most ${BODY_MAX} characters`);
  const priority = input.priority ?? 5;
  if (!Number.isInteger(priority) || priority < 1 || priority > 10)
    throw badInput('input.priority', 'priority must be 1–10');
  if (input.scheduledFor <= now) throw badInput('input.scheduledFor', 'scheduledFor must be in the future');
  if (input.userPlantId != null && !UUID.test(input.userPlantId))
    throw badInput('input.userPlantId', 'userPlantId is not a valid id');
  const s = await loadUserSettings(runtime.db, userId);
  requireEnabled(s);
  const typePrefs = typeSettings(s, input.type);
  if (!typePrefs.enabled)
    throw conflict(`${input.type} notifications are turned off in your preferences`, 'input.type');
  const channels = checkChannels(s, input.channels ?? typePrefs.channels, 'input.channels');
  if ((await runtime.rateLimiter.hit(`notifications:schedule:${userId}`, 3600)) > SCHEDULED_PER_HOUR) {
    throw rateLimited(`At most ${SCHEDULED_PER_HOUR} notifications can be scheduled per hour`);
  }
  const plantId = input.userPlantId ?? null;
  return runtime.db.notification.create({
    data: {
      id: randomUUID(),
      userId,
      traceContext: storedTraceContext(),
      type: input.type,
      source: 'USER',
      title,
      body: input.body,
      priority,
      channels,
      pendingChannels: channels,
      userPlantId: plantId,
      userPlantIds: plantId ? [plantId] : [],
      scheduledFor: input.scheduledFor,
      dispatchAt: input.scheduledFor,
      createdAt: now,
    },
  });
}

export async function sendTestNotification(
  runtime: NotificationsRuntime,
  userId: string,
  requested: NotificationChannel[] | null | undefined,
): Promise<Notification> {
  const now = runtime.clock.now();
  const s = await loadUserSettings(runtime.db, userId);
  requireEnabled(s);
  if (isPaused(s, now))
    throw conflict(`Notifications are paused until ${s.pausedUntil?.toISOString()}; resume them to test`);
  const available = availableChannels(s);
  if (!requested && available.length === 0)
    throw conflict('No channel can reach you: in-app is turned off and no webhook is set up');
  const channels = checkChannels(s, requested ?? available, 'channels');
  if ((await runtime.rateLimiter.hit(`notifications:test:${userId}`, 60)) > TESTS_PER_MINUTE) {
    throw rateLimited(`At most ${TESTS_PER_MINUTE} test notifications per minute`, 60);
  }
  const created = await runtime.db.notification.create({
    data: {
      id: randomUUID(),
      userId,
      traceContext: storedTraceContext(),
      type: 'SYSTEM',
      source: 'TEST',
      title: 'Test notification',
      body: 'If you can read this, Bloomzy can reach you here.',
      priority: 1,
      channels,
      pendingChannels: channels,
      userPlantIds: [],
      scheduledFor: now,
      dispatchAt: now,
      createdAt: now,
    },
  });
  runtime.wakeDispatcher();
  return created;
}
