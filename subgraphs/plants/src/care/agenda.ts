/**
 * The care agenda of a collection: every enabled task due within the next `days` calendar days of the user's time
 * zone, one entry per day (today first). Overdue tasks are listed under today, since that is when they get done, ahead
 * of today's own; within a day, tasks are grouped by room (case-insensitive), rooms with overdue tasks first, then by
 * name, plants without a room last. Pure.
 *
 * Each task's day is counted here from its due date, `now` and the zone, not taken from the status: the statuses are
 * computed by the request's loaders with their own read of the clock, and a request that straddles the user's midnight
 * would otherwise file tasks under the day before the one its dates say.
 */
import { addLocalDays, calendarDaysBetween, localDate, resolveTimeZone } from '@bloomzy/shared/time-zone';
import type { CareTask, WateringUrgency } from '../__generated__/resolvers-types.js';
import type { UserPlant } from '../db/client.js';
import { urgencyFor } from '../schedule/status.js';
import type { CareTaskStatusView } from './plant-care.js';

export interface CareAgendaItem {
  userPlant: UserPlant;
  task: CareTask;
  dueDate: Date;
  daysUntilDue: number;
  urgency: WateringUrgency;
}

export interface CareAgendaRoom {
  location: string | null;
  items: CareAgendaItem[];
}

export interface CareAgendaDay {
  date: string;
  rooms: CareAgendaRoom[];
}

const TASK_ORDER: readonly CareTask[] = ['WATER', 'FERTILIZE', 'REPOT', 'MIST', 'PRUNE', 'ROTATE', 'CLEAN_LEAVES'];

const pad = (n: number) => String(n).padStart(2, '0');

function byUrgency(a: CareAgendaItem, b: CareAgendaItem): number {
  return (
    a.daysUntilDue - b.daysUntilDue ||
    a.dueDate.getTime() - b.dueDate.getTime() ||
    a.userPlant.nickname.localeCompare(b.userPlant.nickname) ||
    TASK_ORDER.indexOf(a.task) - TASK_ORDER.indexOf(b.task)
  );
}

function roomOrder(a: CareAgendaRoom, b: CareAgendaRoom): number {
  const late = (room: CareAgendaRoom) => (room.items.some((i) => i.daysUntilDue < 0) ? 0 : 1);
  if (late(a) !== late(b)) return late(a) - late(b);
  if (a.location === null || b.location === null) return a.location === null ? (b.location === null ? 0 : 1) : -1;
  return a.location.localeCompare(b.location, undefined, { sensitivity: 'base' });
}

export function buildCareAgenda(
  collection: readonly { plant: UserPlant; statuses: readonly CareTaskStatusView[] }[],
  now: Date,
  timeZone: string,
  days: number,
): CareAgendaDay[] {
  const zone = resolveTimeZone(timeZone);
  const today = localDate(now, zone);
  const buckets = Array.from({ length: days }, () => new Map<string, CareAgendaRoom>());
  for (const { plant, statuses } of collection) {
    for (const status of statuses) {
      if (Number.isNaN(status.dueDate.getTime())) continue;
      const daysUntilDue = calendarDaysBetween(now, status.dueDate, zone);
      const day = buckets[Math.max(0, daysUntilDue)];
      if (!day) continue;
      const location = plant.location?.trim() || null;
      const key = location?.toLowerCase() ?? '';
      const room = day.get(key) ?? { location, items: [] };
      room.items.push({
        userPlant: plant,
        task: status.task,
        dueDate: status.dueDate,
        daysUntilDue,
        urgency: urgencyFor(daysUntilDue),
      });
      day.set(key, room);
    }
  }
  return buckets.map((rooms, offset) => {
    const date = addLocalDays(today, offset);
    const sorted = [...rooms.values()].map((room) => ({ ...room, items: room.items.sort(byUrgency) }));
    return { date: `${date.year}-${pad(date.month)}-${pad(date.day)}`, rooms: sorted.sort(roomOrder) };
  });
}
