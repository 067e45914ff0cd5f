/**
 * Email and web push of a digest (one notification for several care tasks, typed after its first task): it goes out
 * on a channel chosen for any of its tasks' types, and its one-click unsubscribe turns email off for every type it
 * was sent for. Digests are planned from care-schedule events, as in production, and sent to a real SMTP server and
 * a local push service.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { routerHeaders } from '@bloomzy/shared/testing/router-credential';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';
import { startPushService, type PushService } from '../testing/push-service.js';
import { emailEnvironment, startSmtpReceiver, type SmtpReceiver } from '../testing/smtp-receiver.js';

const PREFS = `mutation($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { digestEnabled } }`;
const REGISTER = `mutation($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }`;
const DAY = 86_400_000;

type TypeInput = { type: string; email?: boolean; webPush?: boolean };

describe.each(testDatabaseKinds())('digest email and web push (%s)', (kind) => {
  let h: Harness;
  let smtp: SmtpReceiver;
  let push: PushService;
  const vapid = webpush.generateVAPIDKeys();
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    push = await startPushService();
    h = await startHarness(kind, {
      env: {
        ...emailEnvironment(smtp),
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:admin@bloomzy.test',
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
    await push?.close();
  });

  /** A user with an address and these per-type settings. */
  async function user(types: TypeInput[]): Promise<string> {
    const userId = randomUUID();
    await h.profileEvent({ userId, email: `${userId.slice(0, 8)}@example.com` });
    const set = await h.as(userId, PREFS, { input: { types } });
    expect(set.errors).toBeUndefined();
    return userId;
  }

  /**
   * Plans a digest of watering and fertilizing one plant (both due tomorrow), moves the clock to its send time and
   * dispatches it; resolves with its id once its email and push are done.
   */
  async function sendDigest(userId: string): Promise<string> {
    const userPlantId = randomUUID();
    const due = new Date(h.clock.now().getTime() + DAY).toISOString();
    await h.careEvent({ userId, userPlantId, nextWateringAt: due, otherTasks: [{ task: 'FERTILIZE', dueAt: due }] });
    const pending = await h.db.notification.findMany({ where: { userId, userPlantIds: { has: userPlantId } } });
    expect(pending.map((n) => [n.type, n.status, n.careItems])).toEqual([
      ['WATERING_REMINDER', 'SCHEDULED', [`${userPlantId}:FERTILIZE`, `${userPlantId}:WATER`]],
    ]);
    const [digest] = pending;
    if (!digest) throw new Error('no digest planned');
    h.clock.set(digest.scheduledFor);
    await h.service.dispatcher.runOnce();
    await h.service.channels.idle();
    return digest.id;
  }

  const mailOf = (id: string) => smtp.received.find((m) => m.headers.get('x-bloomzy-delivery') === id);
  const emailOn = async (userId: string) => {
    const prefs = await h.as<{ notificationPreferences: { types: { type: string; email: boolean }[] } }>(
      userId,
      `{ notificationPreferences { types { type email } } }`,
    );
    return prefs.data?.notificationPreferences.types.filter((t) => t.email).map((t) => t.type);
  };
  /** The one-click POST of a message's List-Unsubscribe link, without a login (only the router's credential). */
  async function unsubscribe(mail: NonNullable<ReturnType<typeof mailOf>>): Promise<number> {
    const line = mail.headerLines.find((l) => l.key === 'list-unsubscribe')?.line ?? '';
    const link = new URL(/<(.+)>/.exec(line.replace(/\s/g, ''))?.[1] ?? '');
    const answer = await fetch(`${h.url.replace(/\/graphql$/, '')}${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { ...(await routerHeaders('notifications')), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    return answer.status;
  }

  it('emails a watering + fertilizing digest when only fertilizing has email on, naming that type', async () => {
    const userId = await user([{ type: 'FERTILIZING_REMINDER', email: true }]);
    const id = await sendDigest(userId);
    const mail = mailOf(id);
    expect(mail, 'the digest reached the SMTP server').toBeDefined();
    expect(mail?.text).toContain('email is on for fertilizing reminders in your');
    expect(mail?.text).toContain('Stop emails about fertilizing reminders: https://bloomzy.test/unsubscribe?token=');
    expect(mail && (await unsubscribe(mail))).toBe(200);
    expect(await emailOn(userId)).toEqual([]);
  });

  it('unsubscribes a digest email from every type it was sent for, so the next digest is not emailed', async () => {
    const userId = await user([
      { type: 'WATERING_REMINDER', email: true },
      { type: 'FERTILIZING_REMINDER', email: true },
      { type: 'REPOTTING_REMINDER', email: true },
    ]);
    const mail = mailOf(await sendDigest(userId));
    expect(mail?.text).toContain('Stop emails about watering reminders and fertilizing reminders: https://');
    expect(mail && (await unsubscribe(mail))).toBe(200);
    // Repotting was not in the digest: its email stays on.
    expect(await emailOn(userId)).toEqual(['REPOTTING_REMINDER']);
    const count = smtp.received.length;
    await sendDigest(userId);
    expect(smtp.received.length, 'no email after unsubscribing').toBe(count);
  });

  it('does not email a digest when none of its tasks’ types has email on', async () => {
    // Email on for a type the digest does not cover, so the user has an address and email in use.
    const userId = await user([{ type: 'REPOTTING_REMINDER', email: true }]);
    const count = smtp.received.length;
    const id = await sendDigest(userId);
    expect(mailOf(id)).toBeUndefined();
    expect(smtp.received.length).toBe(count);
    const attempts = await h.db.deliveryAttempt.findMany({ where: { notificationId: id } });
    expect(attempts.map((a) => a.channel)).toEqual(['IN_APP']);
  });

  it('pushes a digest when web push is on for any of its tasks’ types, and not when it is on for none', async () => {
    const userId = await user([
      { type: 'WATERING_REMINDER', webPush: false },
      { type: 'FERTILIZING_REMINDER', webPush: true },
    ]);
    expect((await h.as(userId, REGISTER, { input: push.subscription() })).errors).toBeUndefined();
    const before = push.received.length;
    const id = await sendDigest(userId);
    expect(push.received.slice(before).map((m) => (JSON.parse(m.payload) as { id: string }).id)).toEqual([id]);

    const off = await h.as(userId, PREFS, { input: { types: [{ type: 'FERTILIZING_REMINDER', webPush: false }] } });
    expect(off.errors).toBeUndefined();
    const count = push.received.length;
    await sendDigest(userId);
    expect(push.received.length).toBe(count);
  });
});
