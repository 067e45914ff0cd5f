/**
 * What a one-click unsubscribe does: turns email off for the notification types of one user the email was sent for
 * (one type, or each type of a digest's tasks); nothing else changes.
 */
import type { NotificationType } from '../db/client.js';
import { inTransaction } from '../db/client.js';
import type { NotificationsRuntime } from '../runtime.js';
import { loadUserSettings, typeSettings } from './user-settings.js';

export async function unsubscribeEmail(
  runtime: Pick<NotificationsRuntime, 'db'>,
  userId: string,
  types: readonly NotificationType[],
): Promise<void> {
  // Rows may not exist yet (defaults); each is created with the type's current settings and email off.
  const settings = await loadUserSettings(runtime.db, userId);
  await inTransaction(runtime.db, async (tx) => {
    for (const type of types) {
      await tx.typePreference.upsert({
        where: { userId_type: { userId, type } },
        create: { userId, type, ...typeSettings(settings, type), email: false },
        update: { email: false },
      });
    }
  });
}
