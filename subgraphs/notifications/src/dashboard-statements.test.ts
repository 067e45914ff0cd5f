/**
 * Integration: the notifications part of the dashboard (`notifications(first: 20) { … userPlant }`) costs the same
 * number of SQL statements however many notifications there are; the counts that a dashboard does not select cost
 * none. The plants part has its own guard (subgraphs/plants/src/batching.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { useCountingHarness } from './testing/counting-harness.js';

// As the router asks for it when a client selects `userPlant { nickname }` (the nickname comes from plants).
const DASHBOARD_PART = `{ notifications(first: 20) { edges { node { title userPlant { __typename id } } } } }`;
const SCHEDULE = `mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }`;

describe.each(testDatabaseKinds())('dashboard notifications statements (%s)', (kind) => {
  const counting = useCountingHarness(kind);
  const { statements } = counting;

  /** A user with `count` scheduled notifications, each about a plant of theirs. */
  async function userWith(count: number): Promise<string> {
    const userId = randomUUID();
    const at = new Date(counting.h.clock.now().getTime() + 86_400_000).toISOString();
    for (let i = 0; i < count; i++) {
      const res = await counting.h.as(userId, SCHEDULE, {
        input: { type: 'CARE_TIP', title: `Tip ${i}`, body: 'Mist it', scheduledFor: at, userPlantId: randomUUID() },
      });
      expect(res.errors).toBeUndefined();
    }
    return userId;
  }

  /** Counted two days on, once the notifications are due: an inbox lists scheduled ones only from their time on. */
  async function statementsFor(userId: string) {
    const now = counting.h.clock.now();
    counting.h.clock.set(new Date(now.getTime() + 2 * 86_400_000));
    statements.length = 0;
    const res = await counting.h.as<{ notifications: { edges: { node: { userPlant: { id: string } | null } }[] } }>(
      userId,
      DASHBOARD_PART,
    );
    const count = statements.length;
    counting.h.clock.set(now);
    expect(res.errors).toBeUndefined();
    return { edges: res.data?.notifications.edges ?? [], count };
  }

  it('lists 5 or 20 notifications with their plants in one statement', async () => {
    const five = await statementsFor(await userWith(5));
    const twenty = await statementsFor(await userWith(20));
    expect(five.edges).toHaveLength(5);
    expect(twenty.edges).toHaveLength(20);
    expect(twenty.edges.every((e) => e.node.userPlant !== null)).toBe(true);
    expect(twenty.count).toBe(five.count);
    expect(twenty.count).toBe(1);
  });
});
