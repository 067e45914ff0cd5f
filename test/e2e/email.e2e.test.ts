/**
 * Issue 12's email channel end to end: auth publishes the account's address with the profile event, notifications
 * emails a test notification to it through a real SMTP server, and the message's one-click unsubscribe link works
 * through the router (the only public service) without logging in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailEnvironment, startSmtpReceiver, type SmtpReceiver } from '@bloomzy/notifications/testing/smtp-receiver';
import { signupUser, startStack, type Stack } from './harness.js';
import { waitFor } from './wait-for.js';

const PREFS = `{ notificationPreferences { availableChannels types { type email channels } } }`;
interface Prefs {
  notificationPreferences: {
    availableChannels: string[];
    types: { type: string; email: boolean; channels: string[] }[];
  };
}

describe('email through the router', () => {
  let stack: Stack;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    stack = await startStack({
      env: {
        ...emailEnvironment(smtp),
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  it('emails the account address and unsubscribes by one-click POST to the router', async () => {
    const user = await signupUser(stack);
    // The address arrives with auth's profile event (relayed after signup commits).
    await waitFor(async () => {
      const prefs = await stack.query<Prefs>(PREFS, {}, user.headers);
      return prefs.data?.notificationPreferences.availableChannels.includes('EMAIL') ? true : undefined;
    });
    const on = await stack.query<{ updateNotificationPreferences: { types: { type: string; channels: string[] }[] } }>(
      `mutation { updateNotificationPreferences(input: { types: [{ type: SYSTEM, channels: [IN_APP, EMAIL] }] }) {
        types { type channels } } }`,
      {},
      user.headers,
    );
    expect(on.errors).toBeUndefined();
    expect(on.data?.updateNotificationPreferences.types.find((t) => t.type === 'SYSTEM')?.channels).toEqual([
      'IN_APP',
      'EMAIL',
    ]);
    const sent = await stack.query<{ sendTestNotification: { id: string } }>(
      'mutation { sendTestNotification { id } }',
      {},
      user.headers,
    );
    expect(sent.errors).toBeUndefined();
    const mail = await waitFor(async () =>
      smtp.received.find((m) => m.headers.get('x-bloomzy-delivery') === sent.data?.sendTestNotification.id),
    );
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(user.email);

    const line = mail.headerLines.find((l) => l.key === 'list-unsubscribe')?.line ?? '';
    const link = new URL(/<(.+)>/.exec(line.replace(/\s/g, ''))?.[1] ?? '');
    expect(link.origin).toBe('https://bloomzy.test');
    // The router stands in for https://bloomzy.test; no Authorization header.
    const router = new URL(stack.routerUrl);
    const viaRouter = `${router.origin}${link.pathname}${link.search}`;
    const page = await fetch(viaRouter);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const before = await stack.query<Prefs>(PREFS, {}, user.headers);
    expect(before.data?.notificationPreferences.types.find((t) => t.type === 'SYSTEM')?.email).toBe(true); // GET changed nothing
    const answer = await fetch(viaRouter, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(answer.status).toBe(200);
    const after = await stack.query<Prefs>(PREFS, {}, user.headers);
    expect(after.data?.notificationPreferences.types.find((t) => t.type === 'SYSTEM')).toMatchObject({
      email: false,
      channels: ['IN_APP'],
    });
  });
});
