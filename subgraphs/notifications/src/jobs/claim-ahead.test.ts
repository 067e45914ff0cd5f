/**
 * Claiming ahead (DISPATCH_LOOKAHEAD_MS): what falls due within the look-ahead is claimed before it is due and sent
 * once it is — never early, exactly once across instances — and a claim the clock does not find due is given back.
 * The harness clock is manual, so each test moves it while the dispatcher's timer runs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { notificationTopic, type LiveNotification } from '../live/notification-topic.js';
import type { RunningNotificationsService } from '../service.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { reminderRow } from '../testing/reminder-row.js';

// Generous: each test moves the manual clock while the dispatcher's real timer for the reminder runs.
const LOOKAHEAD_MS = 3_000;

describe.each(testDatabaseKinds())('claiming ahead (%s)', (kind) => {
  let h: Harness;
  let peer: RunningNotificationsService | undefined;
  beforeAll(async () => {
    // Small batches, so two instances share a burst and one instance stages several batches.
    h = await startHarness(kind, { env: { DISPATCH_LOOKAHEAD_MS: String(LOOKAHEAD_MS), DISPATCH_BATCH_SIZE: '4' } });
    // PGlite is one connection in one process: a second instance needs Postgres.
    if (kind === 'postgres') peer = await h.startPeer({ instanceId: 'peer' });
  });
  afterAll(async () => {
    await peer?.stop();
    await h?.stop();
  });

  /** `count` IN_APP reminders of one user due `inMs` from the harness clock's now. */
  async function dueIn(inMs: number, count: number) {
    const userId = randomUUID();
    const at = new Date(h.clock.now().getTime() + inMs);
    const rows = Array.from({ length: count }, (_, i) => reminderRow(userId, at, i, { createdAt: h.clock.now() }));
    await h.db.notification.createMany({ data: rows });
    return { userId, at, ids: rows.map((r) => r.id) };
  }

  const rows = (ids: string[]) => h.db.notification.findMany({ where: { id: { in: ids } } });

  it('claims a reminder due within the look-ahead before it is due and sends it once it is, not before', async () => {
    const { at, ids } = await dueIn(2_000, 1);
    const run = h.service.dispatcher.runOnce();
    // The claim is taken at once; the row waits, claimed and unsent, for its due time.
    await expect.poll(async () => (await rows(ids))[0]?.claimedBy, { timeout: 1_000, interval: 10 }).toBeTruthy();
    expect((await rows(ids))[0]?.status).toBe('SCHEDULED');
    h.clock.set(at.toISOString());
    expect(await run).toBe(1);
    const [sent] = await rows(ids);
    expect(sent).toMatchObject({ status: 'SENT', claimedBy: null, dispatchAt: null, dispatchRounds: 1 });
    expect(sent?.sentAt?.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(await h.db.deliveryAttempt.count({ where: { notificationId: { in: ids } } })).toBe(1);
  });

  it('gives a claim back when the clock does not find the reminder due, as if never claimed', async () => {
    const { ids } = await dueIn(200, 2);
    await h.service.dispatcher.runOnce(); // the timer fires, the manual clock has not moved
    expect(await rows(ids)).toEqual([
      expect.objectContaining({ status: 'SCHEDULED', claimedBy: null, claimedUntil: null, dispatchRounds: 0 }),
      expect.objectContaining({ status: 'SCHEDULED', claimedBy: null, claimedUntil: null, dispatchRounds: 0 }),
    ]);
    await h.db.notification.deleteMany({ where: { id: { in: ids } } }); // not to be claimed by the next tests
  });

  it('lets the recipient cancel a reminder claimed ahead until it is due; it is then neither sent nor pushed', async () => {
    const { userId, at, ids } = await dueIn(2_000, 2);
    const [cancelled, kept] = ids as [string, string];
    const pushed: string[] = [];
    const live = h.pubsub.subscribe<LiveNotification>(notificationTopic(userId));
    const pump = (async () => {
      for await (const n of live) pushed.push(n.id);
    })();
    const run = h.service.dispatcher.runOnce();
    await expect
      .poll(async () => (await rows(ids)).every((r) => r.claimedBy !== null), { timeout: 1_000, interval: 10 })
      .toBe(true);
    const answer = await h.as<{ cancelNotification: { status: string } }>(
      userId,
      'mutation($id: ID!) { cancelNotification(id: $id) { status } }',
      { id: cancelled },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.cancelNotification.status).toBe('CANCELLED');
    h.clock.set(at.toISOString());
    await run;
    const byId = new Map((await rows(ids)).map((r) => [r.id, r]));
    expect(byId.get(cancelled)).toMatchObject({ status: 'CANCELLED', claimedBy: null, sentAt: null });
    expect(byId.get(kept)).toMatchObject({ status: 'SENT', claimedBy: null });
    expect(await h.db.deliveryAttempt.count({ where: { notificationId: cancelled } })).toBe(0);
    await expect.poll(() => pushed, { timeout: 2_000 }).toEqual([kept]);
    // Once it is due and sent, a cancel is refused as before.
    const late = await h.as(userId, 'mutation($id: ID!) { cancelNotification(id: $id) { status } }', { id: kept });
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await live.return?.();
    await pump;
  });

  it('leaves what falls due after the look-ahead alone', async () => {
    const { ids } = await dueIn(LOOKAHEAD_MS + 60_000, 1);
    await h.service.dispatcher.runOnce();
    expect(await rows(ids)).toEqual([expect.objectContaining({ status: 'SCHEDULED', claimedBy: null })]);
  });

  it.runIf(kind === 'postgres')(
    'sends a burst claimed ahead by two instances exactly once, each pushed once',
    async () => {
      const { userId, at, ids } = await dueIn(2_000, 30);
      const pushed: string[] = [];
      const live = h.pubsub.subscribe<LiveNotification>(notificationTopic(userId));
      const pump = (async () => {
        for await (const n of live) pushed.push(n.id);
      })();
      const runs = Promise.all([h.service.dispatcher.runOnce(), peer?.dispatcher.runOnce()]);
      await expect
        .poll(async () => (await rows(ids)).filter((r) => r.claimedBy !== null).length, {
          timeout: 1_000,
          interval: 10,
        })
        .toBe(30);
      h.clock.set(at.toISOString());
      const [mine, theirs] = await runs;
      expect((mine ?? 0) + (theirs ?? 0)).toBe(30);
      expect((await rows(ids)).every((r) => r.status === 'SENT' && r.dispatchRounds === 1)).toBe(true);
      const attempts = await h.db.deliveryAttempt.groupBy({
        by: ['notificationId'],
        where: { notificationId: { in: ids } },
        _count: { _all: true },
      });
      expect(attempts.map((a) => a._count._all)).toEqual(Array(30).fill(1));
      await expect.poll(() => pushed.length, { timeout: 2_000 }).toBe(30);
      expect(new Set(pushed).size).toBe(30);
      await live.return?.();
      await pump;
    },
  );
});
