/** Applies the plants service's seasonal care tips: one CARE_TIP notification per tip, however often it is delivered. */
import type { CareTipEvent } from '@bloomzy/shared/messaging/topics';
import { inTransaction } from '../db/client.js';
import { deliverCareTip, type CareTipOutcome } from '../domain/deliver-care-tip.js';
import type { NotificationsRuntime } from '../runtime.js';

export async function applyCareTipEvent(
  runtime: Pick<NotificationsRuntime, 'db' | 'clock' | 'wakeDispatcher'>,
  event: CareTipEvent,
): Promise<CareTipOutcome> {
  const now = runtime.clock.now();
  const outcome = await inTransaction(runtime.db, (tx) => deliverCareTip(tx, event, now));
  // A tip due now (the season started earlier today, or a while ago) goes out without waiting for the next tick.
  if (outcome.created && outcome.sendAt <= now) runtime.wakeDispatcher();
  return outcome;
}
