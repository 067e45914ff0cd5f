/** The plain-SQL page and totals give exactly what Prisma's findMany and count give: every column, type and filter. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';
import { reminderRow } from '../testing/reminder-row.js';
import type { Prisma } from './client.js';
import { notificationCount, notificationPage, notificationWhere } from './notification-page.js';

const ORDER = [{ scheduledFor: 'desc' as const }, { id: 'desc' as const }];
const NOW = new Date('2026-05-10T12:00:00.000Z');
const hoursFrom = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
/** A notification row nothing will dispatch while the test reads it. */
const row = (...args: Parameters<typeof reminderRow>) => ({ ...reminderRow(...args), dispatchAt: null });

describe.each(testDatabaseKinds())('notification pages as plain SQL (%s)', (kind) => {
  let h: Harness;
  const userId = randomUUID();

  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db;
    // Every optional column set on one row; every status; one row due later (not in the inbox yet) and one of
    // someone else; two rows at the same instant (the cursor's tie-break on id).
    await db.notification.create({
      data: {
        ...row(userId, hoursFrom(-5), 0, { channels: ['IN_APP', 'EMAIL'] }),
        status: 'SENT',
        traceContext: { traceparent: '00-abc-def-01', nested: [1, { a: null }] },
        action: 'OPEN_PLANT',
        userPlantId: randomUUID(),
        userPlantIds: [randomUUID(), randomUUID()],
        careItems: ['p1:WATERING', 'p2:MISTING'],
        dedupeKey: `care-tip:${randomUUID()}`,
        sentAt: hoursFrom(-5),
        openedAt: hoursFrom(-4),
        dispatchRounds: 2,
        claimedBy: 'instance-a',
        claimedUntil: hoursFrom(-4.5),
        lastError: 'EMAIL: 503',
        pendingChannels: ['EMAIL'],
      },
    });
    const statuses = ['SCHEDULED', 'SENT', 'FAILED', 'CANCELLED', 'SENT'] as const;
    for (const [i, status] of statuses.entries())
      await db.notification.create({ data: { ...row(userId, hoursFrom(-3), i + 1), status } });
    await db.notification.create({ data: { ...row(userId, hoursFrom(2), 9), type: 'CARE_TIP' } });
    await db.notification.create({ data: row(randomUUID(), hoursFrom(-1), 10) });
  });
  afterAll(() => h?.stop());

  /** What findMany and count give for the same filter, written as Prisma's where. */
  async function expectSame(filter: Parameters<typeof notificationWhere>[1], where: Prisma.NotificationWhereInput) {
    const sql = notificationWhere(userId, filter, NOW);
    const all = await h.db.notification.findMany({ where: { AND: [{ userId }, where] }, orderBy: ORDER });
    expect(await notificationPage(h.db, sql, null, 50)).toEqual(all);
    expect(await notificationCount(h.db, sql)).toBe(all.length);
    expect(await notificationCount(h.db, sql, true)).toBe(all.filter((n) => n.status === 'SENT').length);
    return all;
  }

  it('reads every column and filter as findMany does', async () => {
    const inbox = await expectSame(null, {
      status: { not: 'CANCELLED' },
      NOT: { status: 'SCHEDULED', scheduledFor: { gt: NOW } },
    });
    expect(inbox).toHaveLength(5);
    await expectSame({ status: ['SCHEDULED', 'CANCELLED'] }, { status: { in: ['SCHEDULED', 'CANCELLED'] } });
    await expectSame({ status: [] }, { status: { in: [] } });
    await expectSame({ type: ['CARE_TIP'], status: ['SCHEDULED'] }, { type: 'CARE_TIP', status: 'SCHEDULED' });
    await expectSame({ unread: true }, { status: 'SENT' });
    await expectSame({ unread: false, status: ['SENT', 'FAILED'] }, { status: 'FAILED' });
  });

  it('pages after a cursor, ties broken by id', async () => {
    const where = notificationWhere(userId, null, NOW);
    const all = await notificationPage(h.db, where, null, 50);
    const second = all[1];
    if (!second) throw new Error('expected notifications');
    expect(await notificationPage(h.db, where, { scheduledFor: second.scheduledFor, id: second.id }, 50)).toEqual(
      all.slice(2),
    );
    expect(await notificationPage(h.db, where, null, 2)).toEqual(all.slice(0, 2));
  });
});
