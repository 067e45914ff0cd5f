/**
 * The notification lifecycle as a table, so "which moves are allowed" has one definition that the mutations, the
 * SDL's description and the tests agree on. Pure: the caller applies the result with a conditional UPDATE
 * (`WHERE status IN from`), so a concurrent change makes the update miss instead of overwriting it.
 */
import type { NotificationStatus } from '../db/client.js';

/** What a user (or the engine, for cancel) asks for. Sending and failing belong to the dispatcher, not to this table. */
export type UserAction = 'open' | 'act' | 'dismiss' | 'cancel';

export type TransitionResult =
  | { kind: 'move'; to: NotificationStatus }
  /** Already there: repeating open/dismiss/cancel is harmless (clients retry), so it succeeds without changes. */
  | { kind: 'same' }
  | { kind: 'refused'; reason: string };

const TARGET: Record<UserAction, NotificationStatus> = {
  open: 'OPENED',
  act: 'ACTED',
  dismiss: 'DISMISSED',
  cancel: 'CANCELLED',
};

/** Statuses each action may start from. */
const ALLOWED_FROM: Record<UserAction, readonly NotificationStatus[]> = {
  open: ['SENT'],
  act: ['SENT', 'OPENED'],
  dismiss: ['SENT', 'OPENED', 'ACTED'],
  cancel: ['SCHEDULED'],
};

const IDEMPOTENT: ReadonlySet<UserAction> = new Set(['open', 'dismiss', 'cancel']);

const CANNOT: Record<UserAction, string> = {
  open: 'This notification cannot be marked opened',
  act: 'This notification cannot be marked acted on',
  dismiss: 'This notification cannot be dismissed',
  cancel: 'This notification cannot be cancelled',
};

/** Why `from` cannot take `action`, phrased for the person who asked. */
function refusal(action: UserAction, from: NotificationStatus): string {
  const what = CANNOT[action];
  switch (from) {
    case 'SCHEDULED':
      return `${what}: it has not been sent yet`;
    case 'CANCELLED':
      return `${what}: it was cancelled`;
    case 'FAILED':
      return `${what}: it could not be delivered`;
    case 'ACTED':
      return `${what}: it was already acted on`;
    case 'DISMISSED':
      return `${what}: it was dismissed`;
    default:
      return `${what}: it was already sent`;
  }
}

export function transition(from: NotificationStatus, action: UserAction): TransitionResult {
  const to = TARGET[action];
  if (from === to && IDEMPOTENT.has(action)) return { kind: 'same' };
  if (ALLOWED_FROM[action].includes(from)) return { kind: 'move', to };
  return { kind: 'refused', reason: refusal(action, from) };
}
