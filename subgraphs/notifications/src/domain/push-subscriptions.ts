/**
 * Registering and removing a user's Web Push subscriptions. An endpoint belongs to one browser profile; registering
 * it again (the browser re-subscribed, or another account signed in there) moves it to the caller with the new keys,
 * so one browser never gets another account's notifications.
 */
import { badInput } from '@bloomzy/shared/errors';
import type { PushSubscription } from '../db/client.js';
import { inTransaction } from '../db/client.js';
import type { NotificationsRuntime } from '../runtime.js';
import { checkPushSubscription, type PushSubscriptionInput } from './push-subscription-input.js';

/** More browsers than one person uses; a bound on what one account can make us send per notification. */
const MAX_PUSH_SUBSCRIPTIONS = 20;

export async function registerPushSubscription(
  runtime: Pick<NotificationsRuntime, 'db' | 'clock' | 'config'>,
  userId: string,
  input: PushSubscriptionInput,
): Promise<PushSubscription> {
  if (!runtime.config.webPush) throw badInput('input', 'WEB_PUSH is not offered: this deployment has no VAPID keys');
  const { endpoint, keys } = checkPushSubscription(input, runtime.config.webhookAllowPrivate);
  return inTransaction(runtime.db, async (tx) => {
    const others = await tx.pushSubscription.count({ where: { userId, endpoint: { not: endpoint } } });
    if (others >= MAX_PUSH_SUBSCRIPTIONS) {
      throw badInput('input.endpoint', `At most ${MAX_PUSH_SUBSCRIPTIONS} push subscriptions; remove one first`);
    }
    return tx.pushSubscription.upsert({
      where: { endpoint },
      create: { userId, endpoint, p256dh: keys.p256dh, auth: keys.auth, createdAt: runtime.clock.now() },
      update: { userId, p256dh: keys.p256dh, auth: keys.auth },
    });
  });
}

/** True when the caller had a subscription with this endpoint (now removed). */
export async function removePushSubscription(
  runtime: Pick<NotificationsRuntime, 'db'>,
  userId: string,
  endpoint: string,
): Promise<boolean> {
  const { count } = await runtime.db.pushSubscription.deleteMany({ where: { userId, endpoint: endpoint.trim() } });
  return count > 0;
}
