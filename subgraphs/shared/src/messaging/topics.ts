/**
 * Event-bus streams shared between services: the contracts between subgraphs. Each payload is a zod schema (its type
 * inferred from it); consumers pass the topic to `EventBus.consume`, which drops what does not match. Schemas accept
 * fields they do not know (and strip them), so a publisher can add one before its consumers read it.
 */
import { z } from 'zod';
import { UUID } from '../ids.js';
import { defineTopic } from './event-bus.js';

const uuid = z.string().regex(UUID, { error: 'must be a UUID' });
// As loose as the consumers' `new Date(value)`: anything it reads as a date (publishers send toISOString()).
const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { error: 'must be a date-time' });

/** auth → plants, notifications: the settings they keep a local copy of. */
export const USER_PROFILE_STREAM = 'auth.user-profile';
const userProfileEvent = z.object({
  userId: uuid,
  timezone: z.string(),
  hemisphere: z.enum(['NORTHERN', 'SOUTHERN']),
  language: z.string(),
  notificationsEnabled: z.boolean(),
  notifyInApp: z.boolean(),
  /** The account's email address (the EMAIL channel's recipient); optional, added after the first consumers. */
  email: z.string().max(320).optional(),
  /** ISO time of the change; consumers ignore events older than what they hold (at-least-once, maybe reordered). */
  changedAt: isoTime,
});
export type UserProfileEvent = z.infer<typeof userProfileEvent>;
export const USER_PROFILE_TOPIC = defineTopic(USER_PROFILE_STREAM, userProfileEvent);

/**
 * What moved a care schedule. RECONCILED: republished by the plants schedule reconciler, because the change's own
 * event was lost or the date drifted with the season or the owner's profile.
 */
const CARE_SCHEDULE_REASONS = [
  'ADDED',
  'WATERED',
  'SNOOZED',
  'UPDATED',
  'ARCHIVED',
  'WATERING_CHANGED',
  'RECONCILED',
  'CARED',
  'CARE_CHANGED',
] as const;

/** The care actions Bloomzy plans, as the plants subgraph's `CareTask` enum names them. */
export const CARE_TASKS = ['WATER', 'FERTILIZE', 'REPOT', 'MIST', 'PRUNE', 'ROTATE', 'CLEAN_LEAVES'] as const;
export type CareTaskName = (typeof CARE_TASKS)[number];

/** One enabled care task's next due time; a task that is off (or does not apply to the species) is left out. */
const careTaskDue = z.object({
  task: z.enum(CARE_TASKS),
  dueAt: isoTime,
});

/** plants → notifications: a plant's next watering moved (added, watered, snoozed, edited, archived). */
export const CARE_SCHEDULE_STREAM = 'plants.care-schedule';
const careScheduleEvent = z.object({
  eventId: z.string().min(1).max(200),
  userId: uuid,
  userPlantId: uuid,
  nickname: z.string(),
  /** Null when the plant was archived or its owner turned watering off: no watering reminder. */
  nextWateringAt: isoTime.nullable(),
  /**
   * Every enabled task other than WATER (which stays in nextWateringAt) with its next due time. Absent from events
   * written before care tasks existed: a consumer then leaves that plant's other reminders as they are. Empty for an
   * archived plant: no more reminders of any task. Listed with nextWateringAt null: only watering is off.
   */
  otherTasks: z.array(careTaskDue).optional(),
  /** A reason this consumer does not know yet reads as UPDATED: the event carries the full state either way. */
  reason: z.string().pipe(z.enum(CARE_SCHEDULE_REASONS).catch('UPDATED')),
  /** ISO time of the change; consumers ignore events older than the one they applied. */
  changedAt: isoTime,
});
export type CareScheduleEvent = z.infer<typeof careScheduleEvent>;
export const CARE_SCHEDULE_TOPIC = defineTopic(CARE_SCHEDULE_STREAM, careScheduleEvent);

/**
 * plants → notifications: the season turned in a user's hemisphere (in their time zone) and here is what changes for
 * their own plants. One event per user and season start; `tipKey` (user, hemisphere season, year) lets the consumer
 * keep exactly one tip per user and season however often the event is delivered. Never sent for a user without plants.
 */
export const CARE_TIP_STREAM = 'plants.care-tip';
const careTipEvent = z.object({
  eventId: z.string().min(1).max(200),
  tipKey: z.string().min(1).max(200),
  userId: uuid,
  season: z.enum(['SPRING', 'SUMMER', 'AUTUMN', 'WINTER']),
  /** Short, e.g. "Winter is here: 4 of your plants need less water". */
  title: z.string().min(1).max(200),
  /** Plain text, one line per change, naming the user's plants. */
  body: z.string().min(1).max(4000),
  /** ISO time the season started for this user. */
  seasonStartedAt: isoTime,
});
export type CareTipEvent = z.infer<typeof careTipEvent>;
export const CARE_TIP_TOPIC = defineTopic(CARE_TIP_STREAM, careTipEvent);
