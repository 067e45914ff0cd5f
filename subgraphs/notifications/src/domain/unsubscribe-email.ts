/** What a one-click unsubscribe does: turns email off for one notification type of one user (nothing else changes). */
import type { NotificationType } from '../db/client.js';
import type { NotificationsRuntime } from '../runtime.js';
import { loadUserSettings, typeSettings } from './user-settings.js';

export async function unsubscribeEmail(
  runtime: Pick<NotificationsRuntime, 'db'>,
  userId: string,
  type: NotificationType,
): Promise<void> {
  // The row may not exist yet (defaults); it is created with the type's current settings and email off.
  const current = typeSettings(await loadUserSettings(runtime.db, userId), type);
  await runtime.db.typePreference.upsert({
    where: { userId_type: { userId, type } },
    create: { userId, type, ...current, email: false },
    update: { email: false },
  });
}
