import { describe, expect, it } from 'vitest';
import type { Notification } from '../db/client.js';
import { fromLive, toLive } from './notification-topic.js';

const at = (iso: string) => new Date(iso);

/** A row as the dispatcher holds it right after its SENT write, bookkeeping included. */
const row: Notification = {
  id: '6f1c1f7e-3a0a-4c38-9a53-2b1b8f1c0a01',
  userId: '0b7a5c2e-6d3f-4a8e-b1f2-7c9d0e1f2a3b',
  type: 'FERTILIZING_REMINDER',
  status: 'SENT',
  source: 'ENGINE',
  title: 'Feed the monstera',
  body: 'It is growing season.',
  priority: 5,
  traceContext: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  channels: ['IN_APP', 'WEBHOOK'],
  action: null,
  userPlantId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  userPlantIds: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'],
  careItems: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a:FERTILIZE'],
  dedupeKey: null,
  scheduledFor: at('2026-11-29T09:00:00.000Z'),
  sentAt: at('2026-11-29T09:00:00.120Z'),
  openedAt: null,
  actedAt: null,
  dismissedAt: null,
  cancelledAt: null,
  failedAt: null,
  createdAt: at('2026-11-20T08:00:00.000Z'),
  updatedAt: at('2026-11-29T09:00:00.121Z'),
  dispatchAt: at('2026-11-29T09:00:01.000Z'),
  pendingChannels: ['WEBHOOK'],
  dispatchRounds: 1,
  claimedBy: 'a:claim',
  claimedUntil: at('2026-11-29T09:01:00.000Z'),
  lastError: 'webhook answered 503',
};

describe('live notification payload', () => {
  it('carries every API column and none of the dispatcher bookkeeping', () => {
    const payload = JSON.parse(JSON.stringify(toLive(row))) as Record<string, unknown>;
    for (const key of ['traceContext', 'pendingChannels', 'dispatchRounds', 'claimedBy', 'claimedUntil', 'dispatchAt'])
      expect(payload).not.toHaveProperty(key);
    expect(payload).not.toHaveProperty('lastError');
    expect(payload).toMatchObject({ id: row.id, careItems: row.careItems, sentAt: '2026-11-29T09:00:00.120Z' });
  });

  it('gives back the row through JSON, bookkeeping as on a delivered row', () => {
    const back = fromLive(JSON.parse(JSON.stringify(toLive(row))));
    expect(back).toEqual({
      ...row,
      traceContext: null,
      pendingChannels: [],
      dispatchRounds: 0,
      claimedBy: null,
      claimedUntil: null,
      dispatchAt: null,
      lastError: null,
    });
  });

  it('still reads a payload that is the whole row (published by an older instance)', () => {
    const back = fromLive(JSON.parse(JSON.stringify(row)));
    expect(back.sentAt).toEqual(row.sentAt);
    expect(back.dispatchAt).toBeNull();
    expect(back.claimedBy).toBeNull();
  });
});
