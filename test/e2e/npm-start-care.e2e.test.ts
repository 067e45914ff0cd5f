/**
 * Issue 12's acceptance on the real `npm start` process, in real time (no test clock): a new plant gets its species'
 * care schedule, recording care moves it, a fertilizing reminder due today goes out at the preferred hour live
 * (graphql-ws), by email (a real SMTP server) and by web push (a local push service that decrypts it), and two tasks
 * due together make one digest. As npm-start.e2e.test.ts: free ports rather than :4000 (other suites and a developer's
 * own `npm start` may hold it), a temporary DATA_DIR, and the process group killed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPushService, vapidKeys, type PushService } from '@bloomzy/notifications/testing/push-service';
import { emailEnvironment, startSmtpReceiver, type SmtpReceiver } from '@bloomzy/notifications/testing/smtp-receiver';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { npmStart, npmStartPorts, stop, type NpmStart } from './npm-start-process.js';
import { waitFor } from './wait-for.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Three attempts of a channel, each up to WEBHOOK_TIMEOUT_MS (5 s by default), with 2 s and 8 s between them. */
const CHANNEL_ATTEMPTS_SPAN_MS = 45_000;
const HOUR = 3_600_000;
const SPECIES = 'Phalaenopsis amabilis'; // fertilized all year (fed half as often in winter), so always plannable
const OTHER_REMINDERS = ['REPOTTING_REMINDER', 'MISTING_REMINDER', 'PRUNING_REMINDER', 'ROTATING_REMINDER'];
const QUIET = [...OTHER_REMINDERS, 'LEAF_CLEANING_REMINDER', 'CARE_TIP'].map((type) => ({ type, enabled: false }));
const NOTE = 'id type status title body channels scheduledFor sentAt unread userPlant { id }';
interface Note {
  id: string;
  type: string;
  status: string;
  title: string;
  body: string;
  channels: string[];
  scheduledFor: string;
  sentAt: string | null;
  unread: boolean;
  userPlant: { id: string } | null;
}
interface Task {
  task: string;
  dueDate: string;
  intervalDays: number;
}

/**
 * The current UTC hour, once enough of it remains. A reminder due today whose preferred hour has begun goes out at
 * once, that is at the next whole minute (timing/send-time.ts: "before now → now, rounded up to the minute"), so the
 * test can check it went out in that hour, unless the hour ends first: in its last 75 s (a minute plus the few seconds
 * of setting up), wait for the next hour rather than race it.
 */
async function currentHourWithRoom(): Promise<number> {
  const left = HOUR - (Date.now() % HOUR);
  if (left < MINUTE + 15_000) await new Promise((r) => setTimeout(r, left + 1_000));
  return new Date().getUTCHours();
}

// Concurrent: two users of one process, each waiting up to a minute for a minute-aligned send time.
describe.concurrent('npm start: care schedules and reminders', () => {
  let url = '';
  let started: NpmStart | undefined;
  let smtp: SmtpReceiver;
  let push: PushService;
  let dataDir = '';
  const vapid = vapidKeys();
  const clients: Client[] = [];

  async function query<T>(text: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const res = await gql<T>(url, text, variables, headers);
    expect(res.errors, text).toBeUndefined();
    return res.data!;
  }
  async function signup() {
    const email = `care-${Math.random().toString(36).slice(2, 10)}@bloomzy.test`;
    const res = await query<{ signup: { accessToken: string } }>(
      'mutation($input: SignupInput!) { signup(input: $input) { accessToken } }',
      { input: { email, password: 'green-thumb-1' } },
    );
    return { email, token: res.signup.accessToken, headers: { authorization: `Bearer ${res.signup.accessToken}` } };
  }
  type User = Awaited<ReturnType<typeof signup>>;
  const setPreferences = (user: User, input: Record<string, unknown>) =>
    query(
      'mutation($i: NotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { id } }',
      { i: input },
      user.headers,
    );
  async function addOrchid(user: User, nickname: string, acquiredOn?: Date) {
    const found = await query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      `{ indoorPlants(first: 1, filter: { text: "${SPECIES}" }) { edges { node { id } } } }`,
    );
    const input = { plantId: found.indoorPlants.edges[0]!.node.id, nickname, acquiredOn: acquiredOn?.toISOString() };
    const added = await query<{ addUserPlant: { id: string; careSchedule: Task[] } }>(
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id careSchedule { task dueDate intervalDays } } }',
      { input },
      user.headers,
    );
    return added.addUserPlant;
  }
  async function recordCare(user: User, userPlantId: string, task: string, doneAt?: Date) {
    const res = await query<{ recordCare: { userPlant: { careSchedule: Task[] } } }>(
      'mutation($input: RecordCareInput!) { recordCare(input: $input) { userPlant { careSchedule { task dueDate intervalDays } } } }',
      { input: { userPlantId, task, doneAt: doneAt?.toISOString() } },
      user.headers,
    );
    return res.recordCare.userPlant.careSchedule;
  }
  const notes = async (user: User, filter = '') =>
    (
      await query<{ notifications: { edges: { node: Note }[] } }>(
        `{ notifications(first: 50${filter ? `, filter: ${filter}` : ''}) { edges { node { ${NOTE} } } } }`,
        {},
        user.headers,
      )
    ).notifications.edges.map((e) => e.node);
  const find = (schedule: Task[], task: string) => schedule.find((s) => s.task === task)!;

  beforeAll(async () => {
    [smtp, push] = await Promise.all([startSmtpReceiver(), startPushService()]);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-start-care-'));
    const { router, env } = await npmStartPorts(dataDir);
    started = await npmStart(
      {
        ...env,
        NODE_ENV: 'development',
        ...emailEnvironment(smtp, `http://localhost:${router}`),
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:admin@bloomzy.test',
      },
      router,
    );
    url = `http://127.0.0.1:${router}/graphql`;
  }, 90_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    if (started) await stop(started);
    await Promise.all([smtp?.close(), push?.close()]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'plans the species tasks, moves them on recorded care, and delivers fertilizing live, by email and web push',
    async () => {
      const alice = await signup();
      // Only fertilizing reminders (they start off too), so nothing else counts against the 3-an-hour rate limit.
      await setPreferences(alice, {
        types: [
          { type: 'WATERING_REMINDER', enabled: false },
          { type: 'FERTILIZING_REMINDER', enabled: false },
          ...QUIET,
        ],
      });

      // 1. A new plant has a care schedule for its species' tasks.
      const monthAgo = new Date(Date.now() - 30 * DAY);
      const first = await addOrchid(alice, 'Orchid A', monthAgo);
      expect(first.careSchedule.map((s) => s.task).sort()).toEqual(['CLEAN_LEAVES', 'FERTILIZE', 'REPOT', 'WATER']);
      for (const s of first.careSchedule) expect(Number.isNaN(Date.parse(s.dueDate)), s.task).toBe(false);
      const before = find(first.careSchedule, 'FERTILIZE');
      // Never fed: due one interval after it was acquired, i.e. already overdue.
      expect(new Date(before.dueDate).getTime()).toBe(monthAgo.getTime() + before.intervalDays * DAY);

      // 2. Recording care moves the task: due one interval from now.
      const caredAt = Date.now();
      const after = find(await recordCare(alice, first.id, 'FERTILIZE'), 'FERTILIZE');
      expect(new Date(after.dueDate).getTime() - caredAt).toBeGreaterThanOrEqual(after.intervalDays * DAY - 60_000);
      expect(new Date(after.dueDate).getTime()).toBeGreaterThan(new Date(before.dueDate).getTime() + DAY);

      // 3. Email and web push are offered once auth's profile event brought the address and a browser subscribed.
      await query(
        'mutation($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }',
        { input: push.subscription() },
        alice.headers,
      );
      const prefs = await waitFor(async () => {
        const res = await gql<{ notificationPreferences: { timezone: string; availableChannels: string[] } }>(
          url,
          '{ notificationPreferences { timezone availableChannels } }',
          {},
          alice.headers,
        );
        const p = res.data?.notificationPreferences;
        return p?.availableChannels.includes('EMAIL') && p.availableChannels.includes('WEB_PUSH') ? p : undefined;
      });
      expect(prefs.timezone).toBe('UTC'); // so the preferred local hour is a UTC hour

      // Live pushes are at-most-once: probe until the subscription is established upstream (each probe uses up one of
      // the hour's 3 sends, so at most 2).
      const live: Note[] = [];
      const ws = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${alice.token}` },
        retryAttempts: 0,
      });
      clients.push(ws);
      ws.subscribe<{ notificationReceived: Note }>(
        { query: `subscription { notificationReceived { ${NOTE} } }` },
        { next: (r) => void (r.data && live.push(r.data.notificationReceived)), error: () => {}, complete: () => {} },
      );
      for (let attempt = 0; attempt < 2 && live.length === 0; attempt++) {
        await query('mutation { sendTestNotification(channels: [IN_APP]) { id } }', {}, alice.headers);
        await waitFor(() => (live.length > 0 ? true : undefined), 3_000).catch(() => undefined);
      }
      expect(live.map((n) => n.type)).toContain('SYSTEM');

      // A second plant fed exactly one interval ago (plus 30 s): fertilizing is due today, and the preferred hour is
      // this one, so the reminder goes out now rather than at 09:00 or tomorrow.
      const hour = await currentHourWithRoom();
      await setPreferences(alice, {
        types: [
          {
            type: 'FERTILIZING_REMINDER',
            enabled: true,
            channels: ['IN_APP', 'EMAIL', 'WEB_PUSH'],
            preferredHour: hour,
          },
        ],
      });
      const second = await addOrchid(alice, 'Orchid B');
      const interval = find(second.careSchedule, 'FERTILIZE').intervalDays;
      const dueAt = Date.now() + 30_000;
      const schedule = await recordCare(alice, second.id, 'FERTILIZE', new Date(dueAt - interval * DAY));
      expect(find(schedule, 'FERTILIZE').dueDate).toBe(new Date(dueAt).toISOString());

      // Sent at the next whole minute (send times are minute-aligned), so up to a minute from now; twice that allows for
      // the event's relay and the dispatcher on a loaded machine. The test's own bound also covers waiting out the end of
      // an hour (currentHourWithRoom).
      const reminder = await waitFor(() => live.find((n) => n.type === 'FERTILIZING_REMINDER'), 2 * MINUTE);
      expect(reminder).toMatchObject({
        status: 'SENT',
        userPlant: { id: second.id },
        title: 'Orchid B needs fertilizer today',
      });
      expect(new Date(reminder.scheduledFor).getUTCHours()).toBe(hour);
      expect(new Date(reminder.sentAt!).getUTCHours()).toBe(hour);

      // Email and web push retry a transient failure after 2 s and 8 s (delivery/retry.ts): on a machine loaded by the
      // rest of the suite a first attempt can time out, so each is awaited for the whole span of its attempts.
      const mail = await waitFor(
        () => smtp.received.find((m) => m.headers.get('x-bloomzy-delivery') === reminder.id),
        CHANNEL_ATTEMPTS_SPAN_MS,
      );
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(alice.email);
      expect(mail.subject).toBe(reminder.title);
      expect(mail.text).toContain(reminder.body);
      expect(mail.html).toContain('Orchid B');
      const header = (name: string) => mail.headerLines.find((l) => l.key === name)?.line.replace(/\s+/g, ' ');
      expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/localhost:\d+\/unsubscribe\?token=/);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

      const pushed = await waitFor(
        () => push.received.find((m) => (JSON.parse(m.payload) as { id?: string }).id === reminder.id),
        CHANNEL_ATTEMPTS_SPAN_MS,
      );
      expect(JSON.parse(pushed.payload)).toMatchObject({ id: reminder.id, type: 'FERTILIZING_REMINDER' });
      expect(pushed.vapid.publicKey).toBe(vapid.publicKey);
      expect(push.failures).toEqual([]);
      // EMAIL and WEB_PUSH follow the in-app delivery (Notification.channels lists IN_APP only): the delivery log has them.
      const logged = await query<{ notification: { deliveryAttempts: { channel: string; outcome: string }[] } }>(
        'query($id: ID!) { notification(id: $id) { deliveryAttempts { channel outcome } } }',
        { id: reminder.id },
        alice.headers,
      );
      expect(logged.notification.deliveryAttempts).toEqual(
        expect.arrayContaining([
          { channel: 'EMAIL', outcome: 'SUCCEEDED' },
          { channel: 'WEB_PUSH', outcome: 'SUCCEEDED' },
        ]),
      );
      // Exactly one fertilizing reminder went out: Orchid A's is planned three weeks ahead, not sent.
      expect((await notes(alice, '{ status: [SENT], type: [FERTILIZING_REMINDER] }')).map((n) => n.id)).toEqual([
        reminder.id,
      ]);
    },
    4 * MINUTE,
  );

  it(
    'sends one digest listing every task due together',
    async () => {
      const bob = await signup();
      // Paused while the plant is set up, so no reminder goes out for a half-recorded state (water due, feed not yet).
      await query(
        'mutation($until: DateTime!) { pauseNotifications(until: $until) { id } }',
        { until: new Date(Date.now() + HOUR).toISOString() },
        bob.headers,
      );
      const hour = await currentHourWithRoom();
      const types = ['WATERING_REMINDER', 'FERTILIZING_REMINDER'].map((type) => ({
        type,
        enabled: true,
        preferredHour: hour,
      }));
      await setPreferences(bob, { digestEnabled: true, types: [...types, ...QUIET] });
      const plant = await addOrchid(bob, 'Orchid C');
      const dueAt = Date.now() + 30_000;
      let schedule = plant.careSchedule;
      for (const task of ['WATER', 'FERTILIZE']) {
        schedule = await recordCare(bob, plant.id, task, new Date(dueAt - find(schedule, task).intervalDays * DAY));
      }
      expect(find(schedule, 'WATER').dueDate).toBe(new Date(dueAt).toISOString());
      expect(find(schedule, 'FERTILIZE').dueDate).toBe(new Date(dueAt).toISOString());

      // One digest is planned for both (typed by its first task), held by the pause; resuming sends it now.
      const isDigest = (n: Note) =>
        n.type === 'WATERING_REMINDER' && /water/i.test(n.body) && /fertilize/i.test(n.body);
      await waitFor(async () => (await notes(bob, '{ status: [SCHEDULED] }')).find(isDigest));
      await query('mutation { resumeNotifications { id } }', {}, bob.headers);
      const sent = await waitFor(async () => {
        const found = await notes(bob, '{ status: [SENT] }');
        return found.length > 0 ? found : undefined;
      }, 2 * MINUTE);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ body: 'Water Orchid C, fertilize Orchid C.', unread: true });
      expect(isDigest(sent[0]!)).toBe(true);
      expect(new Date(sent[0]!.sentAt!).getUTCHours()).toBe(hour);
      // The inbox (no status filter) shows it, and nothing else is planned for those tasks today.
      expect((await notes(bob)).map((n) => n.id)).toEqual([sent[0]!.id]);
      expect(await notes(bob, '{ status: [SCHEDULED] }')).toEqual([]);
    },
    4 * MINUTE,
  );
});
