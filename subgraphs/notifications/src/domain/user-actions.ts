/**
 * What a recipient does to a notification: open, act, dismiss, cancel. Someone else's notification is reported as
 * NOT_FOUND (it must not be possible to probe ids); a move the lifecycle forbids is CONFLICT and changes nothing.
 */
import { badInput, conflict, notFound } from '@bloomzy/shared/errors';
import { UUID } from '@bloomzy/shared/ids';
import type { Notification, Prisma } from '../db/client.js';
import { UNREAD } from '../db/notifications.js';
import type { NotificationsRuntime } from '../runtime.js';
import { transition, type UserAction } from './transitions.js';

const ACTION_MAX = 100;

function changes(
  action: UserAction,
  current: Notification,
  now: Date,
  actValue: string | undefined,
): Prisma.NotificationUpdateManyMutationInput {
  switch (action) {
    case 'open':
      return { status: 'OPENED', openedAt: now };
    case 'act':
      // Acting implies having opened it; open rate counts it.
      return { status: 'ACTED', actedAt: now, action: actValue ?? null, openedAt: current.openedAt ?? now };
    case 'dismiss':
      return { status: 'DISMISSED', dismissedAt: now };
    case 'cancel':
      return {
        status: 'CANCELLED',
        cancelledAt: now,
        dispatchAt: null,
        pendingChannels: [],
        claimedBy: null,
        claimedUntil: null,
      };
  }
}

async function findOwnNotification(
  runtime: Pick<NotificationsRuntime, 'db'>,
  userId: string,
  id: string,
): Promise<Notification> {
  const found = UUID.test(id) ? await runtime.db.notification.findFirst({ where: { id, userId } }) : null;
  if (!found) throw notFound('Notification');
  return found;
}

export async function applyUserAction(
  runtime: Pick<NotificationsRuntime, 'db' | 'clock'>,
  userId: string,
  id: string,
  action: UserAction,
  actValue?: string,
): Promise<Notification> {
  const value = actValue?.trim();
  if (action === 'act' && (!value || value.length > ACTION_MAX))
    throw badInput('action', `action must be 1–${ACTION_MAX} characters`);
  // The update is conditional on the status we decided from; if someone changed it meanwhile we decide again.
  for (let round = 0; round < 3; round++) {
    const current = await findOwnNotification(runtime, userId, id);
    const now = runtime.clock.now();
    const decision = transition(current.status, action);
    if (decision.kind === 'refused') throw conflict(decision.reason);
    if (decision.kind === 'same') return current;
    // A claim taken ahead of the due time (DISPATCH_LOOKAHEAD_MS) does not stop a cancel: until the row is due the
    // dispatcher has sent nothing, and its SENT write (like its webhook path) only takes rows still claimed and
    // SCHEDULED, so whichever of the two commits first wins and the other changes nothing.
    const underLease = current.claimedUntil !== null && current.claimedUntil > now;
    const claimedAhead = current.dispatchAt !== null && current.dispatchAt > now;
    if (action === 'cancel' && underLease && !claimedAhead)
      throw conflict('This notification cannot be cancelled: it is being delivered right now');
    const where: Prisma.NotificationWhereInput = { id, userId, status: current.status };
    if (action === 'cancel')
      where.OR = [{ claimedUntil: null }, { claimedUntil: { lte: now } }, { dispatchAt: { gt: now } }];
    const { count } = await runtime.db.notification.updateMany({ where, data: changes(action, current, now, value) });
    if (count === 1) return findOwnNotification(runtime, userId, id);
  }
  throw conflict('This notification changed while it was being updated; try again');
}

/**
 * Marks every unread (SENT) notification of the user opened in one conditional statement: one that the dispatcher
 * delivers meanwhile is simply not in it, and one opened meanwhile keeps its openedAt. Returns the changed ones,
 * newest first, so a client cache can update each of them.
 */
export async function markAllRead(
  runtime: Pick<NotificationsRuntime, 'db' | 'clock'>,
  userId: string,
): Promise<Notification[]> {
  const changed = await runtime.db.notification.updateManyAndReturn({
    where: { userId, ...UNREAD },
    data: { status: 'OPENED', openedAt: runtime.clock.now() },
  });
  return changed.sort((a, b) => b.scheduledFor.getTime() - a.scheduledFor.getTime() || (a.id < b.id ? 1 : -1));
}
