/**
 * A user's effective notification settings: the auth profile copy, their preferences and per-type preferences with
 * defaults filled in. One loader for the API, the reminder engine and the dispatcher, so "which channels may this
 * user get" has one answer.
 */
import type { NotificationChannel, NotificationType, Tx } from '../db/client.js';
import type { QuietHours } from '../timing/index.js';

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'WATERING_REMINDER',
  'FERTILIZING_REMINDER',
  'REPOTTING_REMINDER',
  'MISTING_REMINDER',
  'PRUNING_REMINDER',
  'ROTATING_REMINDER',
  'LEAF_CLEANING_REMINDER',
  'HEALTH_CHECK',
  'GROWTH_MILESTONE',
  'CARE_TIP',
  'SYSTEM',
];

export interface TypeSettings {
  enabled: boolean;
  /** The dispatcher's channels (IN_APP, WEBHOOK): what a notification of this type is planned with. */
  channels: NotificationChannel[];
  preferredHour: number;
  /** Also by email after the in-app send (delivery/channels.ts); opt-in. */
  email: boolean;
  /** Also by web push after the in-app send; on by default (registering a subscription is the opt-in). */
  webPush: boolean;
}

const DEFAULT_TYPE_SETTINGS: TypeSettings = {
  enabled: true,
  channels: ['IN_APP'],
  preferredHour: 9,
  email: false,
  webPush: true,
};

export interface UserSettings {
  userId: string;
  timezone: string;
  /** Auth's master switch: nothing is planned or delivered while off. */
  notificationsEnabled: boolean;
  /** Auth's in-app switch: IN_APP is not offered while off. */
  notifyInApp: boolean;
  /** The account's address (from auth's profile events); null until one arrived. */
  email: string | null;
  quietHours: QuietHours | null;
  digestEnabled: boolean;
  pausedUntil: Date | null;
  webhook: { url: string; secret: string } | null;
  types: Map<NotificationType, TypeSettings>;
}

function defaults(userId: string): UserSettings {
  return {
    userId,
    timezone: 'UTC',
    notificationsEnabled: true,
    notifyInApp: true,
    email: null,
    quietHours: null,
    digestEnabled: true,
    pausedUntil: null,
    webhook: null,
    types: new Map(
      NOTIFICATION_TYPES.map((t) => [t, { ...DEFAULT_TYPE_SETTINGS, channels: [...DEFAULT_TYPE_SETTINGS.channels] }]),
    ),
  };
}

/** Settings of several users in three queries (the dispatcher loads a whole claimed batch at once). */
export async function loadSettings(db: Tx, userIds: readonly string[]): Promise<Map<string, UserSettings>> {
  const ids = [...new Set(userIds)];
  const [profiles, prefs, typePrefs] = await Promise.all([
    db.userProfile.findMany({ where: { userId: { in: ids } } }),
    db.notificationPreferences.findMany({ where: { userId: { in: ids } } }),
    db.typePreference.findMany({ where: { userId: { in: ids } } }),
  ]);
  const out = new Map(ids.map((id) => [id, defaults(id)]));
  for (const p of profiles) {
    const s = out.get(p.userId);
    if (s)
      Object.assign(s, {
        timezone: p.timezone,
        notificationsEnabled: p.notificationsEnabled,
        notifyInApp: p.notifyInApp,
        email: p.email,
      });
  }
  for (const p of prefs) {
    const s = out.get(p.userId);
    if (!s) continue;
    s.quietHours = p.quietStart && p.quietEnd ? { start: p.quietStart, end: p.quietEnd } : null;
    s.digestEnabled = p.digestEnabled;
    s.pausedUntil = p.pausedUntil;
    s.webhook = p.webhookUrl && p.webhookSecret ? { url: p.webhookUrl, secret: p.webhookSecret } : null;
  }
  for (const t of typePrefs) {
    out.get(t.userId)?.types.set(t.type, {
      enabled: t.enabled,
      channels: t.channels,
      preferredHour: t.preferredHour,
      email: t.email,
      webPush: t.webPush,
    });
  }
  return out;
}

export async function loadUserSettings(db: Tx, userId: string): Promise<UserSettings> {
  return (await loadSettings(db, [userId])).get(userId) ?? defaults(userId);
}

/** Channels that can deliver to this user right now. */
export function availableChannels(s: UserSettings): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (s.notifyInApp) channels.push('IN_APP');
  if (s.webhook) channels.push('WEBHOOK');
  return channels;
}

export function typeSettings(s: UserSettings, type: NotificationType): TypeSettings {
  return s.types.get(type) ?? DEFAULT_TYPE_SETTINGS;
}

export const isPaused = (s: UserSettings, now: Date): boolean => s.pausedUntil !== null && s.pausedUntil > now;
