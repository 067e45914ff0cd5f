import { describe, expect, it } from 'vitest';
import type { NotificationStatus } from '../db/client.js';
import { transition, type UserAction } from './transitions.js';

const ALL: NotificationStatus[] = ['SCHEDULED', 'SENT', 'OPENED', 'ACTED', 'DISMISSED', 'CANCELLED', 'FAILED'];

/** The whole table, spelled out: a change to the lifecycle must change this test on purpose. */
const EXPECTED: Record<UserAction, Partial<Record<NotificationStatus, NotificationStatus | 'same'>>> = {
  open: { SENT: 'OPENED', OPENED: 'same' },
  act: { SENT: 'ACTED', OPENED: 'ACTED' },
  dismiss: { SENT: 'DISMISSED', OPENED: 'DISMISSED', ACTED: 'DISMISSED', DISMISSED: 'same' },
  cancel: { SCHEDULED: 'CANCELLED', CANCELLED: 'same' },
};

describe('notification transitions', () => {
  for (const [action, table] of Object.entries(EXPECTED) as [UserAction, (typeof EXPECTED)[UserAction]][]) {
    for (const from of ALL) {
      const expected = table[from];
      it(`${action} from ${from} → ${expected ?? 'refused'}`, () => {
        const result = transition(from, action);
        if (expected === undefined) expect(result.kind).toBe('refused');
        else if (expected === 'same') expect(result).toEqual({ kind: 'same' });
        else expect(result).toEqual({ kind: 'move', to: expected });
      });
    }
  }

  it('explains a refusal in terms of the current state', () => {
    expect(transition('SCHEDULED', 'open')).toEqual({
      kind: 'refused',
      reason: 'This notification cannot be marked opened: it has not been sent yet',
    });
    expect(transition('SENT', 'cancel')).toMatchObject({ reason: expect.stringContaining('already sent') });
    expect(transition('ACTED', 'act')).toMatchObject({ reason: expect.stringContaining('already acted on') });
  });
});
