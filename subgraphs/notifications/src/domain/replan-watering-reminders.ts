/**
 * Brings one user's pending watering reminders in line with their plants and settings, inside the caller's
 * transaction (so an event is applied and its reminders re-planned atomically: a crash in between cannot leave the
 * event marked as applied with stale reminders).
 *
 * Invariants kept here:
 * - One pending reminder per plant: each PlantSchedule row points at the reminder covering its current due date.
 * - Only the engine's own, never-claimed SCHEDULED reminders are moved or cancelled; anything the dispatcher has
 *   touched, the user created, or the user cancelled is left alone.
 * - Re-planning is deterministic: with unchanged inputs it changes nothing, so replays and no-op events are harmless.
 */
import { randomUUID } from 'node:crypto';
import { storedTraceContext } from '@bloomzy/shared/telemetry/propagation';
import type { Tx } from '../db/client.js';
import { lockPendingReminders } from '../db/notifications.js';
import { lockUserProfile } from '../db/user-profiles.js';
import { planWateringReminders, reminderKey, type PlannedReminder } from './plan-watering-reminders.js';
import { availableChannels, loadUserSettings, typeSettings } from './user-settings.js';

export interface ReplanResult {
  created: number;
  moved: number;
  cancelled: number;
}

/** Sent or scheduled notifications this far back still count against the (daily) rate limit. */
const LIMIT_LOOKBACK_MS = 2 * 86_400_000;

const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function replanWateringReminders(tx: Tx, userId: string, now: Date): Promise<ReplanResult> {
  await lockUserProfile(tx, userId, now);
  const settings = await loadUserSettings(tx, userId);
  const pending = await lockPendingReminders(tx, userId);
  const pendingIds = new Set(pending.map((n) => n.id));
  const plants = await tx.plantSchedule.findMany({ where: { userId, nextWateringAt: { not: null } } });
  // A plant whose reminder was sent, is being sent or was cancelled by the user is done until its schedule moves.
  const needing = plants.filter((p) => p.reminderId === null || pendingIds.has(p.reminderId));

  const watering = typeSettings(settings, 'WATERING_REMINDER');
  const available = availableChannels(settings);
  const channels = watering.channels.filter((c) => available.includes(c));
  let plan: PlannedReminder[] = [];
  if (settings.notificationsEnabled && watering.enabled && channels.length > 0 && needing.length > 0) {
    const since = new Date(now.getTime() - LIMIT_LOOKBACK_MS);
    const others = await tx.notification.findMany({
      where: {
        userId,
        id: { notIn: [...pendingIds] },
        OR: [{ sentAt: { gte: since } }, { status: 'SCHEDULED', scheduledFor: { gte: since } }],
      },
      select: { sentAt: true, scheduledFor: true },
    });
    plan = planWateringReminders(
      needing.map((p) => ({ userPlantId: p.userPlantId, nickname: p.nickname, dueAt: p.nextWateringAt ?? now })),
      {
        timeZone: settings.timezone,
        preferredHour: watering.preferredHour,
        quietHours: settings.quietHours,
        pausedUntil: settings.pausedUntil,
        digestEnabled: settings.digestEnabled,
      },
      others.map((o) => o.sentAt ?? o.scheduledFor),
      now,
    );
  }

  const existing = new Map(pending.map((n) => [reminderKey(n.userPlantIds), n]));
  const result: ReplanResult = { created: 0, moved: 0, cancelled: 0 };
  const pointTo = new Map<string, string | null>(needing.map((p) => [p.userPlantId, null]));
  for (const planned of plan) {
    const key = reminderKey(planned.userPlantIds);
    const current = existing.get(key);
    existing.delete(key);
    let id: string;
    if (current) {
      id = current.id;
      const unchanged =
        sameTime(current.scheduledFor, planned.sendAt) &&
        current.title === planned.title &&
        current.body === planned.body &&
        sameList(current.channels, channels);
      if (!unchanged) {
        await tx.notification.update({
          where: { id },
          data: {
            traceContext: storedTraceContext(),
            scheduledFor: planned.sendAt,
            dispatchAt: planned.sendAt,
            title: planned.title,
            body: planned.body,
            channels,
            pendingChannels: channels,
          },
        });
        result.moved++;
      }
    } else {
      id = randomUUID();
      await tx.notification.create({
        data: {
          id,
          userId,
          type: 'WATERING_REMINDER',
          source: 'ENGINE',
          traceContext: storedTraceContext(),
          title: planned.title,
          body: planned.body,
          priority: 5,
          channels,
          pendingChannels: channels,
          userPlantId: planned.userPlantIds.length === 1 ? (planned.userPlantIds[0] ?? null) : null,
          userPlantIds: planned.userPlantIds,
          scheduledFor: planned.sendAt,
          dispatchAt: planned.sendAt,
          createdAt: now,
        },
      });
      result.created++;
    }
    for (const plantId of planned.userPlantIds) pointTo.set(plantId, id);
  }
  // Whatever is left is no longer wanted (plant archived or moved into another group, or reminders turned off).
  const stale = [...existing.values()].map((n) => n.id);
  if (stale.length > 0) {
    await tx.notification.updateMany({
      where: { id: { in: stale } },
      data: { status: 'CANCELLED', cancelledAt: now, dispatchAt: null, pendingChannels: [] },
    });
    result.cancelled = stale.length;
  }
  for (const plant of needing) {
    const target = pointTo.get(plant.userPlantId) ?? null;
    if (plant.reminderId !== target) {
      await tx.plantSchedule.update({ where: { userPlantId: plant.userPlantId }, data: { reminderId: target } });
    }
  }
  return result;
}
