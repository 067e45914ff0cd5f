/**
 * Care-schedule events that arrive together are applied per user with one re-plan (applyCareScheduleEvents): the same
 * reminders as applying them one by one, for a fraction of the statements.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { useCountingHarness } from '../testing/counting-harness.js';
import { applyCareScheduleEvent, applyCareScheduleEvents } from './care-schedule-consumer.js';

const PLANTS = 10;

describe.each(testDatabaseKinds())('care-schedule events in batches (%s)', (kind) => {
  const counting = useCountingHarness(kind, { start: '2026-03-02T06:00:00Z' });
  const { statements } = counting;

  /** What stocking PLANTS plants makes the plants service publish for `userId`: each added, then watered. */
  function stocking(userId: string): CareScheduleEvent[] {
    const base = counting.h.clock.now().getTime();
    const events: CareScheduleEvent[] = [];
    for (let i = 0; i < PLANTS; i++) {
      const userPlantId = randomUUID();
      const event = (n: number, nextWateringAt: string): CareScheduleEvent => ({
        eventId: randomUUID(),
        userId,
        userPlantId,
        nickname: `Plant ${i}`,
        nextWateringAt,
        reason: 'UPDATED',
        changedAt: new Date(base + i * 10 + n).toISOString(),
        otherTasks: [{ task: 'FERTILIZE', dueAt: `2026-03-${String(10 + i).padStart(2, '0')}T09:00:00Z` }],
      });
      events.push(
        event(1, `2026-03-0${3 + (i % 5)}T12:00:00Z`),
        event(2, `2026-03-${String(8 + i).padStart(2, '0')}T12:00:00Z`),
      );
    }
    return events;
  }

  /** The user's pending reminders as "TYPE@time [plants]" lines, plants by nickname. */
  async function reminders(userId: string) {
    const pending = await counting.h.db.notification.findMany({ where: { userId, status: 'SCHEDULED' } });
    const names = new Map(
      (await counting.h.db.plantSchedule.findMany({ where: { userId } })).map((p) => [p.userPlantId, p.nickname]),
    );
    return pending
      .map((n) => `${n.type}@${n.scheduledFor.toISOString()} ${n.userPlantIds.map((id) => names.get(id)).sort()}`)
      .sort();
  }

  it('leaves the same reminders as one event at a time, re-planning each user once', async () => {
    const oneByOne = randomUUID();
    const batched = randomUUID();
    const other = randomUUID();

    statements.length = 0;
    for (const event of stocking(oneByOne)) await applyCareScheduleEvent(counting.h.service.runtime, event);
    const single = statements.length;

    // Two users' events interleaved, as a read of the stream returns them.
    const mine = stocking(batched);
    const theirs = stocking(other);
    statements.length = 0;
    await applyCareScheduleEvents(
      counting.h.service.runtime,
      mine.flatMap((event, i) => [event, theirs[i] as CareScheduleEvent]),
    );
    const batch = statements.length;

    const expected = await reminders(oneByOne);
    expect(expected.length).toBeGreaterThan(0);
    expect(await reminders(batched)).toEqual(expected);
    expect(await reminders(other)).toEqual(expected);
    // 2 × PLANTS events for each of two users: their schedule writes, and one re-plan per user instead of per event.
    expect(batch).toBeLessThan(single);
    expect(statements.filter((sql) => sql.includes('"UserProfile"') && sql.includes('FOR UPDATE'))).toHaveLength(2);
  });

  it('applies a replayed batch as stale: nothing changes', async () => {
    const userId = randomUUID();
    const events = stocking(userId);
    await applyCareScheduleEvents(counting.h.service.runtime, events);
    const before = await reminders(userId);
    await applyCareScheduleEvents(counting.h.service.runtime, events);
    expect(await reminders(userId)).toEqual(before);
  });
});
