/**
 * A channel is only offered when the deployment configures it: without SMTP_URL no type can turn email on, without
 * VAPID keys no type can turn web push on and no browser can register. Each refusal is BAD_USER_INPUT naming the
 * field, and writes nothing (the rest of the same request included).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';
import { startPushService, type PushService } from '../testing/push-service.js';

const PREFS = `mutation($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { digestEnabled } }`;
const REGISTER = `mutation($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }`;

describe.each(testDatabaseKinds())('channels a deployment does not configure (%s)', (kind) => {
  let h: Harness;
  let push: PushService;
  beforeAll(async () => {
    push = await startPushService();
    h = await startHarness(kind); // no SMTP_URL, no VAPID keys
  });
  afterAll(async () => {
    await h?.stop();
    await push?.close();
  });

  /** The refusal's code, field and message, then that the user has no stored preferences or subscriptions. */
  async function expectRefusedUnwritten(userId: string, answer: GraphQLResponse<unknown>, field: string) {
    expect(errorCode(answer), field).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.field).toBe(field);
    expect(answer.errors?.[0]?.message).toMatch(/is not offered: this deployment has no/);
    expect(answer.data ?? null).toBeNull();
    expect(await h.db.notificationPreferences.count({ where: { userId } })).toBe(0);
    expect(await h.db.typePreference.count({ where: { userId } })).toBe(0);
    expect(await h.db.pushSubscription.count({ where: { userId } })).toBe(0);
  }

  it('offers neither EMAIL nor WEB_PUSH', async () => {
    const answer = await h.as<{ deliveryChannels: string[] }>(randomUUID(), `{ deliveryChannels }`);
    expect(answer.data?.deliveryChannels).toEqual(['IN_APP', 'WEBHOOK']);
  });

  it('refuses email for a type without SMTP, asked by `email` or by listing EMAIL in `channels`', async () => {
    const byToggle = randomUUID();
    const answer = await h.as(byToggle, PREFS, {
      // The valid parts of the request (digest off, tips disabled) must not be written either.
      input: {
        digestEnabled: false,
        types: [
          { type: 'CARE_TIP', enabled: false },
          { type: 'FERTILIZING_REMINDER', email: true },
        ],
      },
    });
    await expectRefusedUnwritten(byToggle, answer, 'input.types[1].email');

    const byChannels = randomUUID();
    const listed = await h.as(byChannels, PREFS, {
      input: { types: [{ type: 'WATERING_REMINDER', channels: ['IN_APP', 'EMAIL'] }] },
    });
    await expectRefusedUnwritten(byChannels, listed, 'input.types[0].email');
  });

  it('refuses web push for a type without VAPID keys', async () => {
    const userId = randomUUID();
    const answer = await h.as(userId, PREFS, {
      input: { digestEnabled: false, types: [{ type: 'WATERING_REMINDER', webPush: true }] },
    });
    await expectRefusedUnwritten(userId, answer, 'input.types[0].webPush');
  });

  it('refuses registerPushSubscription without VAPID keys, even for a subscription a browser made', async () => {
    const userId = randomUUID();
    const answer = await h.as(userId, REGISTER, { input: push.subscription() });
    await expectRefusedUnwritten(userId, answer, 'input');
    const list = await h.as<{ pushSubscriptions: unknown[] }>(userId, `{ pushSubscriptions { id } }`);
    expect(list.data?.pushSubscriptions).toEqual([]);
  });
});
