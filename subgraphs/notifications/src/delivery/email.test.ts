/**
 * The EMAIL channel end to end against a real SMTP server: a notification sent in-app also arrives by email with
 * both bodies and RFC 8058 one-click unsubscribe headers; the link's POST (no login) turns that type's email off; a
 * transient SMTP failure is retried and both attempts are in the delivery log.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerHeaders } from '@bloomzy/shared/testing/router-credential';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';
import { emailEnvironment, startSmtpReceiver, type SmtpReceiver } from '../testing/smtp-receiver.js';

const PREFS = `mutation($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { availableChannels types { type email channels } } }`;
const TEST = `mutation { sendTestNotification(channels: [IN_APP]) { id } }`;
const ATTEMPTS = `query($id: ID!) { notification(id: $id) { deliveryAttempts { channel attempt outcome httpStatus error } } }`;

interface Attempt {
  channel: string;
  attempt: number;
  outcome: string;
  httpStatus: number | null;
}

describe.each(testDatabaseKinds())('email channel (%s)', (kind) => {
  let h: Harness;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    h = await startHarness(kind, {
      env: {
        ...emailEnvironment(smtp),
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
  });

  /** A user with an address and email on for SYSTEM notifications. */
  async function emailUser(): Promise<{ userId: string; address: string }> {
    const userId = randomUUID();
    const address = `${userId.slice(0, 8)}@example.com`;
    await h.profileEvent({ userId, email: address });
    const set = await h.as<{ updateNotificationPreferences: { availableChannels: string[] } }>(userId, PREFS, {
      input: { types: [{ type: 'SYSTEM', email: true }] },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data?.updateNotificationPreferences.availableChannels).toContain('EMAIL');
    return { userId, address };
  }

  /** Sends a test notification in-app and waits until its email is done (retries included). */
  async function sendTest(userId: string): Promise<string> {
    const sent = await h.as<{ sendTestNotification: { id: string } }>(userId, TEST);
    expect(sent.errors).toBeUndefined();
    await h.service.dispatcher.runOnce();
    await h.service.channels.idle();
    return sent.data?.sendTestNotification.id ?? '';
  }

  const attemptsOf = async (userId: string, id: string) =>
    (await h.as<{ notification: { deliveryAttempts: Attempt[] } }>(userId, ATTEMPTS, { id })).data?.notification
      .deliveryAttempts ?? [];

  it('offers EMAIL because SMTP_URL is set', async () => {
    const offered = await h.as<{ deliveryChannels: string[] }>(randomUUID(), `{ deliveryChannels }`);
    expect(offered.data?.deliveryChannels).toEqual(['IN_APP', 'WEBHOOK', 'EMAIL']);
  });

  it('emails a sent notification with text and HTML bodies and one-click unsubscribe headers', async () => {
    const { userId, address } = await emailUser();
    const before = smtp.received.length;
    const id = await sendTest(userId);
    const mail = smtp.received.slice(before).find((m) => m.headers.get('x-bloomzy-delivery') === id);
    expect(mail, 'the message reached the SMTP server').toBeDefined();
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe(address);
    expect(mail?.from?.value[0]).toMatchObject({ name: 'Bloomzy', address: 'reminders@bloomzy.test' });
    expect(mail?.subject).toBeTruthy();
    expect(mail?.text).toContain('Stop emails about system messages: https://bloomzy.test/unsubscribe?token=');
    expect(mail?.html).toContain('<a href="https://bloomzy.test/unsubscribe?token=');
    // The raw header lines, as a mail client reads them (mailparser folds List-* headers into its own structure).
    const header = (name: string) =>
      mail?.headerLines
        .find((l) => l.key === name)
        ?.line.slice(name.length + 1)
        .replace(/\s+/g, ' ')
        .trim();
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(.+)>$/.exec(header('list-unsubscribe') ?? '')?.[1]?.replace(/\s/g, '');
    expect(link).toMatch(/^https:\/\/bloomzy\.test\/unsubscribe\?token=[\w.-]+$/);
    expect(await attemptsOf(userId, id)).toMatchObject([
      { channel: 'IN_APP', outcome: 'SUCCEEDED' },
      { channel: 'EMAIL', attempt: 1, outcome: 'SUCCEEDED', httpStatus: 250 },
    ]);

    // The one-click POST, without any login (only the router's credential, as every request it forwards carries).
    const path = new URL(link ?? '').pathname + new URL(link ?? '').search;
    const post = (target: string) =>
      routerHeaders('notifications').then((headers) =>
        fetch(`${h.url.replace(/\/graphql$/, '')}${target}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        }),
      );
    expect((await post(path.replace(/token=[^&]+/, 'token=forged'))).status).toBe(400);
    const answer = await post(path);
    expect(answer.status).toBe(200);
    const prefs = await h.as<{ notificationPreferences: { types: { type: string; email: boolean }[] } }>(
      userId,
      `{ notificationPreferences { types { type email } } }`,
    );
    expect(prefs.data?.notificationPreferences.types.find((t) => t.type === 'SYSTEM')?.email).toBe(false);
    const count = smtp.received.length;
    await sendTest(userId);
    expect(smtp.received.length, 'no email after unsubscribing').toBe(count);
  });

  it('retries a transient SMTP failure and logs both attempts', async () => {
    const { userId } = await emailUser();
    smtp.refuseWith(451);
    const id = await sendTest(userId);
    expect((await attemptsOf(userId, id)).filter((a) => a.channel === 'EMAIL')).toMatchObject([
      { attempt: 1, outcome: 'FAILED', httpStatus: 451 },
      { attempt: 2, outcome: 'SUCCEEDED', httpStatus: 250 },
    ]);
  });

  it('does not retry a permanent refusal', async () => {
    const { userId } = await emailUser();
    smtp.refuseWith(550);
    const id = await sendTest(userId);
    expect((await attemptsOf(userId, id)).filter((a) => a.channel === 'EMAIL')).toMatchObject([
      { attempt: 1, outcome: 'FAILED', httpStatus: 550 },
    ]);
  });
});
