/**
 * The WEB_PUSH channel end to end against a local push service that decrypts each message with the subscription's
 * own keys and verifies the VAPID signature: registration rules, delivery, retry, and removal of gone subscriptions.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { errorCode } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';
import { startPushService, type PushService } from '../testing/push-service.js';

const REGISTER = `mutation($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) { id endpoint } }`;
const REMOVE = `mutation($endpoint: String!) { removePushSubscription(endpoint: $endpoint) }`;
const TEST = `mutation { sendTestNotification(channels: [IN_APP]) { id title } }`;
const ATTEMPTS = `query($id: ID!) { notification(id: $id) { deliveryAttempts { channel attempt outcome httpStatus } } }`;

describe.each(testDatabaseKinds())('web push channel (%s)', (kind) => {
  let h: Harness;
  let push: PushService;
  const vapid = webpush.generateVAPIDKeys();
  beforeAll(async () => {
    push = await startPushService();
    h = await startHarness(kind, {
      env: {
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:admin@bloomzy.test',
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await push?.close();
  });

  async function subscribed(userId: string) {
    const subscription = push.subscription();
    const registered = await h.as(userId, REGISTER, { input: subscription });
    expect(registered.errors).toBeUndefined();
    return subscription;
  }

  async function sendTest(userId: string): Promise<{ id: string; title: string }> {
    const sent = await h.as<{ sendTestNotification: { id: string; title: string } }>(userId, TEST);
    expect(sent.errors).toBeUndefined();
    await h.service.dispatcher.runOnce();
    await h.service.channels.idle();
    return sent.data?.sendTestNotification ?? { id: '', title: '' };
  }

  const pushAttempts = async (userId: string, id: string) =>
    (
      await h.as<{ notification: { deliveryAttempts: { channel: string }[] } }>(userId, ATTEMPTS, { id })
    ).data?.notification.deliveryAttempts.filter((a) => a.channel === 'WEB_PUSH');

  it('offers WEB_PUSH and its public key because the VAPID keys are set', async () => {
    const answer = await h.as<{ deliveryChannels: string[]; webPushPublicKey: string }>(
      randomUUID(),
      `{ deliveryChannels webPushPublicKey }`,
    );
    expect(answer.data).toEqual({
      deliveryChannels: ['IN_APP', 'WEBHOOK', 'WEB_PUSH'],
      webPushPublicKey: vapid.publicKey,
    });
  });

  it('refuses subscriptions a browser could not have made, naming the field', async () => {
    const userId = randomUUID();
    const good = push.subscription();
    const cases = [
      [{ ...good, endpoint: 'ftp://push.example/x' }, 'input.endpoint'],
      [{ ...good, keys: { ...good.keys, p256dh: 'AAAA' } }, 'input.keys.p256dh'],
      [{ ...good, keys: { ...good.keys, auth: Buffer.alloc(8).toString('base64url') } }, 'input.keys.auth'],
    ] as const;
    for (const [input, field] of cases) {
      const answer = await h.as(userId, REGISTER, { input });
      expect(errorCode(answer), field).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.extensions?.field, field).toBe(field);
    }
    const list = await h.as<{ pushSubscriptions: unknown[] }>(userId, `{ pushSubscriptions { id } }`);
    expect(list.data?.pushSubscriptions).toEqual([]);
  });

  it('pushes a sent notification, encrypted for the subscription and signed with the VAPID key', async () => {
    const userId = randomUUID();
    const subscription = await subscribed(userId);
    const before = push.received.length;
    const sent = await sendTest(userId);
    expect(push.failures).toEqual([]);
    const [message] = push.received.slice(before);
    expect(JSON.parse(message?.payload ?? '{}')).toMatchObject({ id: sent.id, type: 'SYSTEM', title: sent.title });
    expect(message?.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(message?.headers.ttl)).toBeGreaterThan(0);
    expect(message?.vapid.publicKey).toBe(vapid.publicKey);
    expect(message?.vapid.claims).toMatchObject({
      aud: new URL(subscription.endpoint).origin,
      sub: 'mailto:admin@bloomzy.test',
    });
    expect(await pushAttempts(userId, sent.id)).toMatchObject([{ attempt: 1, outcome: 'SUCCEEDED', httpStatus: 201 }]);
  });

  it('retries a push service error, and stops pushing a type whose webPush preference is off', async () => {
    const userId = randomUUID();
    await subscribed(userId);
    push.respondWith(503);
    const sent = await sendTest(userId);
    expect(await pushAttempts(userId, sent.id)).toMatchObject([
      { attempt: 1, outcome: 'FAILED', httpStatus: 503 },
      { attempt: 2, outcome: 'SUCCEEDED', httpStatus: 201 },
    ]);
    const off = await h.as(
      userId,
      `mutation { updateNotificationPreferences(input: { types: [{ type: SYSTEM, webPush: false }] }) { digestEnabled } }`,
    );
    expect(off.errors).toBeUndefined();
    const count = push.received.length;
    const quiet = await sendTest(userId);
    expect(push.received.length).toBe(count);
    expect(await pushAttempts(userId, quiet.id)).toEqual([]);
  });

  it('removes a subscription the push service answers 404 for (unknown endpoint), without retrying', async () => {
    const userId = randomUUID();
    const unknown = await subscribed(userId);
    push.respondWith(404);
    const sent = await sendTest(userId);
    expect(await pushAttempts(userId, sent.id)).toMatchObject([{ attempt: 1, outcome: 'FAILED', httpStatus: 404 }]);
    const list = await h.as<{ pushSubscriptions: { endpoint: string }[] }>(
      userId,
      `{ pushSubscriptions { endpoint } }`,
    );
    expect(list.data?.pushSubscriptions.map((s) => s.endpoint)).not.toContain(unknown.endpoint);
    const count = push.received.length;
    const next = await sendTest(userId);
    expect(push.received.length).toBe(count);
    expect(await pushAttempts(userId, next.id)).toEqual([]);
  });

  it('removes a subscription the push service answers 410 for, and one the user removes', async () => {
    const userId = randomUUID();
    const gone = await subscribed(userId);
    push.respondWith(410);
    const sent = await sendTest(userId);
    expect(await pushAttempts(userId, sent.id)).toMatchObject([{ attempt: 1, outcome: 'FAILED', httpStatus: 410 }]);
    const list = await h.as<{ pushSubscriptions: { endpoint: string }[] }>(
      userId,
      `{ pushSubscriptions { endpoint } }`,
    );
    expect(list.data?.pushSubscriptions.map((s) => s.endpoint)).not.toContain(gone.endpoint);

    const kept = await subscribed(userId);
    expect((await h.as(randomUUID(), REMOVE, { endpoint: kept.endpoint })).data).toEqual({
      removePushSubscription: false,
    });
    expect((await h.as(userId, REMOVE, { endpoint: kept.endpoint })).data).toEqual({ removePushSubscription: true });
    const after = await h.as<{ pushSubscriptions: unknown[] }>(userId, `{ pushSubscriptions { id } }`);
    expect(after.data?.pushSubscriptions).toEqual([]);
  });
});
