/**
 * Changing preferences. Every change re-plans the user's pending reminders in the same transaction, so a new quiet
 * range, preferred hour, digest setting or pause is reflected in their scheduledFor at once.
 */
import { badInput } from '@bloomzy/shared/errors';
import type { NotificationChannel, NotificationType } from '../db/client.js';
import { inTransaction } from '../db/client.js';
import { externalToggles, offeredChannels } from '../delivery/offered-channels.js';
import type { NotificationsRuntime } from '../runtime.js';
import { parseClockTime } from '../timing/index.js';
import { replanCareReminders } from './replan-care-reminders.js';
import { loadUserSettings, NOTIFICATION_TYPES, typeSettings, type UserSettings } from './user-settings.js';
import { webhookUrlProblem } from './webhook-url.js';

export interface PreferencesInput {
  types?:
    | {
        type: NotificationType;
        enabled?: boolean | null;
        channels?: NotificationChannel[] | null;
        preferredHour?: number | null;
        email?: boolean | null;
        webPush?: boolean | null;
      }[]
    | null;
  /** undefined: unchanged; null: removed. */
  quietHours?: { start: string; end: string } | null;
  digestEnabled?: boolean | null;
  /** undefined: unchanged; null: webhook removed. */
  webhookUrl?: string | null;
  webhookSecret?: string | null;
}

/** The columns of NotificationPreferences a change may set; valid both to create the row and to update it. */
interface PrefsChange {
  quietStart?: string | null;
  quietEnd?: string | null;
  digestEnabled?: boolean;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
}

const SECRET_MIN = 16;
const SECRET_MAX = 256;
const MAX_PAUSE_MS = 366 * 86_400_000;

function clockTime(value: string, field: string): string {
  try {
    const minutes = parseClockTime(value.trim());
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  } catch {
    throw badInput(field, `${field.split('.').at(-1)} must be a time HH:MM between 00:00 and 23:59`);
  }
}

function webhookChange(current: UserSettings, input: PreferencesInput, allowPrivate: boolean): PrefsChange {
  if (input.webhookUrl === null) return { webhookUrl: null, webhookSecret: null };
  const secret = input.webhookSecret ?? undefined;
  if (secret !== undefined && (secret.length < SECRET_MIN || secret.length > SECRET_MAX)) {
    throw badInput('input.webhookSecret', `webhookSecret must be ${SECRET_MIN}–${SECRET_MAX} characters`);
  }
  if (input.webhookUrl === undefined) {
    if (secret === undefined) return {};
    if (!current.webhook) throw badInput('input.webhookSecret', 'Set webhookUrl together with the first webhookSecret');
    return { webhookSecret: secret };
  }
  const url = input.webhookUrl.trim();
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem) throw badInput('input.webhookUrl', `webhookUrl ${problem}`);
  if (secret === undefined && !current.webhook) {
    throw badInput(
      'input.webhookSecret',
      `A webhookSecret (${SECRET_MIN}–${SECRET_MAX} characters) is needed to sign webhook requests`,
    );
  }
  return { webhookUrl: url, ...(secret === undefined ? {} : { webhookSecret: secret }) };
}

export async function updatePreferences(
  runtime: NotificationsRuntime,
  userId: string,
  input: PreferencesInput,
): Promise<UserSettings> {
  const current = await loadUserSettings(runtime.db, userId);
  const prefs: PrefsChange = webhookChange(current, input, runtime.config.webhookAllowPrivate);
  const webhookAfter = prefs.webhookUrl === null ? false : Boolean(prefs.webhookUrl ?? current.webhook);
  if (input.quietHours === null) Object.assign(prefs, { quietStart: null, quietEnd: null });
  else if (input.quietHours) {
    const start = clockTime(input.quietHours.start, 'input.quietHours.start');
    const end = clockTime(input.quietHours.end, 'input.quietHours.end');
    // Equal ends mean "no quiet hours" (timing/quiet-hours.ts); store that as none rather than a range.
    Object.assign(prefs, start === end ? { quietStart: null, quietEnd: null } : { quietStart: start, quietEnd: end });
  }
  if (input.digestEnabled != null) prefs.digestEnabled = input.digestEnabled;

  const seen = new Set<NotificationType>();
  const typeRows = (input.types ?? []).map((t, i) => {
    if (seen.has(t.type)) throw badInput('input.types', `${t.type} appears more than once`);
    seen.add(t.type);
    const merged = { ...typeSettings(current, t.type) };
    if (t.enabled != null) merged.enabled = t.enabled;
    if (t.preferredHour != null) {
      if (!Number.isInteger(t.preferredHour) || t.preferredHour < 0 || t.preferredHour > 23) {
        throw badInput(`input.types[${i}].preferredHour`, 'preferredHour must be 0–23');
      }
      merged.preferredHour = t.preferredHour;
    }
    if (t.channels != null) {
      // EMAIL and WEB_PUSH in the list are the email/webPush toggles; the stored list is the dispatcher's channels.
      const external = externalToggles(t.channels);
      merged.email = external.email;
      merged.webPush = external.webPush;
      merged.channels = [...new Set(t.channels.filter((c) => c === 'IN_APP' || c === 'WEBHOOK'))];
      if (merged.channels.length === 0) {
        throw badInput(`input.types[${i}].channels`, 'At least one of IN_APP and WEBHOOK is needed');
      }
    }
    if (t.email != null) merged.email = t.email;
    if (t.webPush != null) merged.webPush = t.webPush;
    const offered = offeredChannels(runtime.config);
    if (merged.email && !offered.includes('EMAIL') && (t.email || t.channels?.includes('EMAIL'))) {
      throw badInput(`input.types[${i}].email`, 'EMAIL is not offered: this deployment has no SMTP server');
    }
    if (merged.webPush && !offered.includes('WEB_PUSH') && (t.webPush || t.channels?.includes('WEB_PUSH'))) {
      throw badInput(`input.types[${i}].webPush`, 'WEB_PUSH is not offered: this deployment has no VAPID keys');
    }
    if (merged.channels.includes('WEBHOOK') && !webhookAfter) {
      throw badInput(`input.types[${i}].channels`, 'WEBHOOK needs a webhookUrl');
    }
    return { type: t.type, ...merged };
  });
  if (!webhookAfter && current.webhook) {
    const stillUsing = NOTIFICATION_TYPES.filter(
      (type) => !seen.has(type) && typeSettings(current, type).channels.includes('WEBHOOK'),
    );
    if (stillUsing.length > 0) {
      throw badInput(
        'input.webhookUrl',
        `Remove WEBHOOK from the channels of ${stillUsing.join(', ')} before removing the webhook`,
      );
    }
  }

  await inTransaction(runtime.db, async (tx) => {
    await tx.notificationPreferences.upsert({ where: { userId }, create: { userId, ...prefs }, update: prefs });
    for (const row of typeRows) {
      await tx.typePreference.upsert({
        where: { userId_type: { userId, type: row.type } },
        create: { userId, ...row },
        update: row,
      });
    }
    await replanCareReminders(tx, userId, runtime.clock.now());
  });
  return loadUserSettings(runtime.db, userId);
}

export async function setPause(
  runtime: NotificationsRuntime,
  userId: string,
  until: Date | null,
): Promise<UserSettings> {
  const now = runtime.clock.now();
  if (until !== null && until <= now) throw badInput('until', 'until must be in the future');
  if (until !== null && until.getTime() - now.getTime() > MAX_PAUSE_MS)
    throw badInput('until', 'Notifications can be paused for at most a year');
  await inTransaction(runtime.db, async (tx) => {
    await tx.notificationPreferences.upsert({
      where: { userId },
      create: { userId, pausedUntil: until },
      update: { pausedUntil: until },
    });
    await replanCareReminders(tx, userId, now);
  });
  // Held notifications may be due now.
  if (until === null) runtime.wakeDispatcher();
  return loadUserSettings(runtime.db, userId);
}
