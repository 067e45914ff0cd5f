/**
 * Turns a seasonal care tip from the plants service into one CARE_TIP notification, planned like a reminder: on the
 * day the season started (or now, if that has passed) at the user's preferred hour for CARE_TIP, out of quiet hours,
 * after any pause, within the rate limits. The dispatcher then delivers it through the CARE_TIP channels.
 *
 * Exactly once per tipKey: the notification's dedupeKey is unique, and the insert skips a duplicate instead of failing,
 * so a redelivered (or concurrently delivered) event is a no-op. A user who turned tips (or notifications) off gets
 * none; the tip is not kept for later, since seasonal advice is stale by the next season.
 */
import { randomUUID } from 'node:crypto';
import type { CareTipEvent } from '@bloomzy/shared/messaging/topics';
import { resolveTimeZone } from '@bloomzy/shared/time-zone';
import type { Tx } from '../db/client.js';
import { lockUserProfile } from '../db/user-profiles.js';
import { applyRateLimits, computeSendTime, DEFAULT_RATE_LIMITS } from '../timing/index.js';
import { recentSendTimes } from './recent-send-times.js';
import { availableChannels, loadUserSettings, typeSettings } from './user-settings.js';

export type CareTipOutcome =
  { created: true; id: string; sendAt: Date } | { created: false; why: 'duplicate' | 'tips off' };

const TIP_PRIORITY = 3;

const careTipDedupeKey = (tipKey: string): string => `care-tip:${tipKey}`;

export async function deliverCareTip(tx: Tx, event: CareTipEvent, now: Date): Promise<CareTipOutcome> {
  // Serialises with re-planning of the same user, so the rate limits see this tip and the reminders consistently.
  await lockUserProfile(tx, event.userId, now);
  const dedupeKey = careTipDedupeKey(event.tipKey);
  if (await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } })) {
    return { created: false, why: 'duplicate' };
  }
  const settings = await loadUserSettings(tx, event.userId);
  const tip = typeSettings(settings, 'CARE_TIP');
  const available = availableChannels(settings);
  const channels = tip.channels.filter((c) => available.includes(c));
  if (!settings.notificationsEnabled || !tip.enabled || channels.length === 0)
    return { created: false, why: 'tips off' };

  const timeZone = resolveTimeZone(settings.timezone);
  const candidate = computeSendTime(
    {
      dueAt: new Date(event.seasonStartedAt),
      timeZone,
      preferredHour: tip.preferredHour,
      quietHours: settings.quietHours,
      pausedUntil: settings.pausedUntil,
    },
    now,
  );
  const sendAt = applyRateLimits(
    candidate,
    await recentSendTimes(tx, event.userId, now),
    DEFAULT_RATE_LIMITS,
    timeZone,
    {
      dayStartHour: tip.preferredHour,
      quietHours: settings.quietHours,
    },
  );
  const id = randomUUID();
  const { count } = await tx.notification.createMany({
    data: [
      {
        id,
        userId: event.userId,
        type: 'CARE_TIP',
        source: 'ENGINE',
        dedupeKey,
        title: event.title.slice(0, 255),
        body: event.body,
        priority: TIP_PRIORITY,
        channels,
        pendingChannels: channels,
        scheduledFor: sendAt,
        dispatchAt: sendAt,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1 ? { created: true, id, sendAt } : { created: false, why: 'duplicate' };
}
