/**
 * Issue 12's chain across subgraphs, as a client of the router: plants plans a plant's care tasks and publishes them,
 * notifications plans one reminder per task and delivers a due one live (graphql-ws), by email (a real SMTP server)
 * and by web push (a local push service that decrypts it); the daily digest lists every task due; a season change
 * gives one care tip to a user with plants. Plants and notifications share one test clock (tokens stay on real time).
 */
import type { FormattedExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPushService, vapidKeys, type PushService } from '@bloomzy/notifications/testing/push-service';
import { emailEnvironment, startSmtpReceiver, type SmtpReceiver } from '@bloomzy/notifications/testing/smtp-receiver';
import { ManualClock } from '@bloomzy/shared/clock';
import { signupUser, startStack, type Stack } from './harness.js';
import { waitFor } from './wait-for.js';

const DAY = 86_400_000;
type User = Awaited<ReturnType<typeof signupUser>>;
interface Note {
  id: string;
  type: string;
  status: string;
  body: string;
  scheduledFor: string;
  userPlant: { id: string } | null;
}
const NOTE = 'id type status body scheduledFor userPlant { id }';

/** The first instant of the next meteorological season (UTC) at least `minMs` after `from`. */
function nextSeasonBoundary(from: Date, minMs: number): Date {
  const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  while (at.getUTCMonth() % 3 !== 2 || at.getTime() - from.getTime() < minMs) at.setUTCMonth(at.getUTCMonth() + 1);
  return at;
}

describe('care reminders across the stack', () => {
  let stack: Stack;
  let smtp: SmtpReceiver;
  let push: PushService;
  // A fixed start, weeks into autumn (northern hemisphere, UTC), so no season turns unless the test turns it.
  const clock = new ManualClock(new Date('2026-10-14T08:00:00Z'));
  const notes = (user: User, filter = '{ status: [SENT, SCHEDULED] }') =>
    stack
      .query<{ notifications: { edges: { node: Note }[] } }>(
        `{ notifications(first: 50, filter: ${filter}) { edges { node { ${NOTE} } } } }`,
        {},
        user.headers,
      )
      .then((r) => r.data?.notifications.edges.map((e) => e.node) ?? []);
  const addPlant = async (user: User, nickname: string) => {
    const found = await stack.query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      '{ indoorPlants(first: 1, filter: { text: "Nephrolepis exaltata" }) { edges { node { id } } } }',
    );
    const added = await stack.query<{
      addUserPlant: { id: string; careSchedule: { task: string; dueDate: string; intervalDays: number }[] };
    }>(
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id careSchedule { task dueDate intervalDays } } }',
      { input: { plantId: found.data!.indoorPlants.edges[0]!.node.id, nickname, location: 'Bathroom' } },
      user.headers,
    );
    if (!added.data) throw new Error(JSON.stringify(added.errors));
    return added.data.addUserPlant;
  };
  const setPreferences = async (user: User, input: Record<string, unknown>) => {
    const res = await stack.query(
      'mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { id } }',
      { input },
      user.headers,
    );
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    [smtp, push] = await Promise.all([startSmtpReceiver(), startPushService()]);
    const vapid = vapidKeys();
    stack = await startStack({
      plantsClock: clock,
      notificationsClock: clock,
      env: {
        ...emailEnvironment(smtp),
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:admin@bloomzy.test',
        SEASONAL_TIPS_INTERVAL_MS: '1000',
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await Promise.all([smtp?.close(), push?.close()]);
  });

  it('lists every task due together in one digest', async () => {
    const bob = await signupUser(stack);
    await setPreferences(bob, { digestEnabled: true });
    const plant = await addPlant(bob, 'Bobs fern');
    const interval = (task: string) => plant.careSchedule.find((s) => s.task === task)!.intervalDays * DAY;
    // Water and fertilize so that both fall due at the same instant, a whole number of days from now.
    const dueIn = Math.min(interval('WATER'), interval('FERTILIZE'));
    let schedule: { task: string; dueDate: string }[] = [];
    for (const task of ['WATER', 'FERTILIZE']) {
      const doneAt = new Date(clock.now().getTime() + dueIn - interval(task)).toISOString();
      const res = await stack.query<{ recordCare: { userPlant: { careSchedule: typeof schedule } } }>(
        `mutation($input: RecordCareInput!) { recordCare(input: $input) { userPlant { careSchedule { task dueDate } } } }`,
        { input: { userPlantId: plant.id, task, doneAt } },
        bob.headers,
      );
      expect(res.errors).toBeUndefined();
      schedule = res.data!.recordCare.userPlant.careSchedule;
    }
    const dueDate = (task: string) => schedule.find((s) => s.task === task)?.dueDate;
    expect(dueDate('FERTILIZE')).toBe(dueDate('WATER'));

    // Notifications plans one digest for both (typed by its first task) instead of a reminder each.
    const isDigest = (n: Note) => n.type === 'WATERING_REMINDER' && /water/i.test(n.body) && /fertiliz/i.test(n.body);
    const digest = await waitFor(async () => (await notes(bob, '{ status: [SCHEDULED] }')).find(isDigest));
    const planned = await notes(bob, '{ status: [SCHEDULED], type: [WATERING_REMINDER, FERTILIZING_REMINDER] }');
    expect(planned.map((n) => n.id)).toEqual([digest.id]);
    clock.set(new Date(Math.max(clock.now().getTime(), new Date(digest.scheduledFor).getTime()) + 60_000));
    await waitFor(async () => (await notes(bob, '{ status: [SENT] }')).find((n) => n.id === digest.id && isDigest(n)));
  });

  it('plans a fertilizing reminder from recorded care and delivers it live, by email and by web push', async () => {
    const alice = await signupUser(stack);
    const subscription = push.subscription();
    const registered = await stack.query(
      'mutation($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }',
      { input: subscription },
      alice.headers,
    );
    expect(registered.errors).toBeUndefined();
    // EMAIL is offered once auth's profile event brought the address.
    await waitFor(async () => {
      const res = await stack.query<{ notificationPreferences: { availableChannels: string[] } }>(
        '{ notificationPreferences { availableChannels } }',
        {},
        alice.headers,
      );
      const channels = res.data?.notificationPreferences.availableChannels ?? [];
      return channels.includes('EMAIL') && channels.includes('WEB_PUSH') ? true : undefined;
    });
    await setPreferences(alice, {
      types: [{ type: 'FERTILIZING_REMINDER', channels: ['IN_APP', 'EMAIL', 'WEB_PUSH'], preferredHour: 11 }],
    });

    // 1. A new plant has its species' tasks; recording FERTILIZE moves that task's due date.
    const plant = await addPlant(alice, 'Fern');
    expect(plant.careSchedule.map((s) => s.task)).toEqual(expect.arrayContaining(['WATER', 'FERTILIZE']));
    const cared = await stack.query<{
      recordCare: { userPlant: { careSchedule: { task: string; dueDate: string }[] } };
    }>(
      `mutation($input: RecordCareInput!) { recordCare(input: $input) { userPlant { careSchedule { task dueDate } } } }`,
      { input: { userPlantId: plant.id, task: 'FERTILIZE', doneAt: clock.now().toISOString() } },
      alice.headers,
    );
    expect(cared.errors).toBeUndefined();
    const fertilize = cared.data!.recordCare.userPlant.careSchedule.find((s) => s.task === 'FERTILIZE')!;
    expect(new Date(fertilize.dueDate).getTime()).toBeGreaterThan(clock.now().getTime() + DAY);

    // 2. Notifications re-planned the plant's fertilizing reminder for the new due date.
    const planned = await waitFor(async () =>
      (await notes(alice, '{ status: [SCHEDULED], type: [FERTILIZING_REMINDER] }')).find(
        // The one for the recorded care's due date (at the preferred hour of that day), not the one planned before.
        (n) =>
          n.userPlant?.id === plant.id &&
          Math.abs(new Date(n.scheduledFor).getTime() - new Date(fertilize.dueDate).getTime()) < DAY,
      ),
    );
    // At the preferred local hour (the account's time zone is UTC unless the profile says otherwise).
    expect(new Date(planned.scheduledFor).getUTCHours()).toBe(11);

    const live: FormattedExecutionResult<{ notificationReceived: Note }, unknown>[] = [];
    const dispose = stack
      .wsClient({ authorization: `Bearer ${alice.accessToken}` })
      .subscribe<{ notificationReceived: Note }>(
        { query: `subscription { notificationReceived { ${NOTE} } }` },
        { next: (value) => void live.push(value), error: () => {}, complete: () => {} },
      );
    // Live pushes are at-most-once: probe until the subscription is established upstream (at most 4 probes).
    for (let attempt = 0; attempt < 4; attempt++) {
      await stack.query('mutation { sendTestNotification { id } }', {}, alice.headers);
      const seen = await waitFor(() => (live.length > 0 ? true : undefined), 2_500).catch(() => false);
      if (seen) break;
    }
    expect(live.length).toBeGreaterThan(0);

    clock.set(new Date(new Date(planned.scheduledFor).getTime() + 60_000));
    const event = await waitFor(() => live.find((e) => e.data?.notificationReceived.id === planned.id));
    expect(event.errors).toBeUndefined();
    expect(event.data?.notificationReceived).toMatchObject({
      type: 'FERTILIZING_REMINDER',
      status: 'SENT',
      userPlant: { id: plant.id },
    });
    dispose();

    const mail = await waitFor(() => smtp.received.find((m) => m.headers.get('x-bloomzy-delivery') === planned.id));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(alice.email);
    const header = (name: string) => mail.headerLines.find((l) => l.key === name)?.line.replace(/\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <https:\/\/bloomzy\.test\/unsubscribe\?token=/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toBeTruthy();
    expect(mail.html).toBeTruthy();

    const pushed = await waitFor(() =>
      push.received.find((m) => (JSON.parse(m.payload) as { id?: string }).id === planned.id),
    );
    expect(JSON.parse(pushed.payload)).toMatchObject({ id: planned.id, type: 'FERTILIZING_REMINDER' });
    expect(push.failures).toEqual([]);
  });

  it('sends one care tip when the season turns, only to a user with plants', async () => {
    const carol = await signupUser(stack);
    const dave = await signupUser(stack); // no plants
    const boundary = nextSeasonBoundary(clock.now(), 8 * DAY);
    clock.set(new Date(boundary.getTime() - 3_600_000));
    await addPlant(carol, 'Carols fern');
    // Planned for the user's preferred hour: SCHEDULED or already SENT, whichever it is by now.
    const tips = (user: User) => notes(user, '{ type: [CARE_TIP], status: [SCHEDULED, SENT] }');
    // Let the job run in the old season at least once (it runs every second): nothing yet.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await tips(carol)).toEqual([]);

    clock.set(new Date(boundary.getTime() + 3_600_000));
    const [tip] = await waitFor(async () => {
      const found = await tips(carol);
      return found.length > 0 ? found : undefined;
    });
    expect(tip?.body).toContain('Carols fern');
    // Later runs of the job (every second) send no second tip, and a user without plants gets none.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await tips(carol)).toHaveLength(1);
    expect(await tips(dave)).toEqual([]);
  });
});
