/**
 * Issue 12, part 6: the API as a web app uses it through Apollo Client's normalized cache (the README's set-up,
 * apollo-client.ts), against a router and all subgraphs as real servers.
 *
 * - The settings screen's cached preferences change with the answer of updateNotificationPreferences (they have an id).
 * - markAllNotificationsRead updates the cached unread badge and every cached notification, without a refetch.
 * - The default inbox leaves out superseded (CANCELLED) and not-yet-due reminders.
 * - A plant screen shows how many waterings and journal entries there are (totalCount).
 * - The error codes the README names for a missing id and for an unknown persisted query are the ones answered.
 */
import { gql } from '@apollo/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ManualClock } from '@bloomzy/shared/clock';
import { createBloomzyClient, type Tokens } from './apollo-client.js';
import { signupUser, startStack, type Stack } from './harness.js';
import { until } from './wait-for.js';

const SETTINGS_SCREEN = gql`
  query SettingsScreen {
    notificationPreferences {
      id
      digestEnabled
      quietHours {
        start
        end
      }
      types {
        type
        enabled
        preferredHour
      }
    }
  }
`;
const SAVE_SETTINGS = gql`
  mutation SaveSettings($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      id
      digestEnabled
      quietHours {
        start
        end
      }
    }
  }
`;
const BADGE = gql`
  query Badge {
    me {
      id
      unreadNotificationCount
    }
  }
`;
const INBOX = gql`
  query Inbox {
    notifications(first: 20) {
      totalCount
      edges {
        node {
          id
          title
          status
          unread
        }
      }
    }
  }
`;
const MARK_ALL_READ = gql`
  mutation MarkAllRead {
    markAllNotificationsRead {
      updatedCount
      notifications {
        id
        status
        unread
      }
      user {
        id
        unreadNotificationCount
      }
    }
  }
`;
const PLANT_SCREEN = gql`
  query PlantScreen($id: ID!) {
    userPlant(id: $id) {
      id
      waterings(first: 1) {
        totalCount
        edges {
          node {
            id
          }
        }
      }
      growthEntries(first: 1) {
        totalCount
      }
    }
  }
`;

interface Settings {
  notificationPreferences: { id: string; digestEnabled: boolean; quietHours: { start: string; end: string } | null };
}
interface Badge {
  me: { id: string; unreadNotificationCount: number };
}
interface Inbox {
  notifications: {
    totalCount: number;
    edges: { node: { id: string; title: string; status: string; unread: boolean } }[];
  };
}
interface PlantScreen {
  userPlant: { waterings: { totalCount: number; edges: unknown[] }; growthEntries: { totalCount: number } };
}

describe('a web app on Apollo Client', () => {
  let stack: Stack;
  // Reminders fall due by moving this clock; tokens keep real time.
  const clock = new ManualClock(new Date());
  beforeAll(async () => {
    stack = await startStack({ notificationsClock: clock });
  });
  afterAll(async () => stack?.stop());

  async function appFor(user: Awaited<ReturnType<typeof signupUser>>) {
    let tokens: Tokens = {
      accessToken: user.accessToken,
      refreshToken: user.refreshToken,
      expiresAt: Date.now() + 10 * 60_000,
    };
    return createBloomzyClient({
      httpUrl: stack.routerUrl,
      wsUrl: stack.wsUrl,
      tokens: { get: () => tokens, set: (t) => (tokens = t) },
      onSignedOut: () => {},
      webSocketImpl: WebSocket,
    });
  }

  it('updates the cached settings screen from the mutation answer', async () => {
    const user = await signupUser(stack);
    const app = await appFor(user);
    const before = await app.query<Settings>({ query: SETTINGS_SCREEN });
    expect(before.data?.notificationPreferences).toMatchObject({
      id: user.user.id,
      digestEnabled: true,
      quietHours: null,
    });
    expect(app.cache.extract()).toHaveProperty(`NotificationPreferences:${user.user.id}`);

    await app.mutate({
      mutation: SAVE_SETTINGS,
      variables: { input: { digestEnabled: false, quietHours: { start: '22:00', end: '07:00' } } },
    });
    // What the settings screen shows on its next render, from the cache alone.
    const cached = app.readQuery<Settings>({ query: SETTINGS_SCREEN });
    expect(cached?.notificationPreferences).toMatchObject({
      digestEnabled: false,
      quietHours: { start: '22:00', end: '07:00' },
    });
  });

  it('shows an inbox without superseded reminders, and clears the cached badge with markAllNotificationsRead', async () => {
    const user = await signupUser(stack);
    const app = await appFor(user);
    const schedule = async (title: string, inMs: number) => {
      const res = await stack.query<{ scheduleNotification: { id: string } }>(
        'mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }',
        {
          input: {
            type: 'CARE_TIP',
            title,
            body: 'Body',
            scheduledFor: new Date(clock.now().getTime() + inMs).toISOString(),
          },
        },
        user.headers,
      );
      expect(res.errors).toBeUndefined();
      return res.data?.scheduleNotification.id ?? '';
    };
    for (const title of ['one', 'two', 'three']) await schedule(title, 60_000);
    const superseded = await schedule('superseded', 60_000);
    await stack.query('mutation($id: ID!) { cancelNotification(id: $id) { id } }', { id: superseded }, user.headers);
    await schedule('tomorrow', 86_400_000);
    clock.advance(120_000);
    await stack.notifications.dispatcher.runOnce();
    await until(
      async () => {
        const badge = await app.query<Badge>({ query: BADGE, fetchPolicy: 'network-only' });
        return badge.data?.me.unreadNotificationCount === 3;
      },
      'an unread count of 3',
      10_000,
    );

    const inbox = await app.query<Inbox>({ query: INBOX });
    expect(inbox.data?.notifications.totalCount).toBe(3);
    expect(inbox.data?.notifications.edges.map((e) => e.node.title).sort()).toEqual(['one', 'three', 'two']);
    expect(inbox.data?.notifications.edges.every((e) => e.node.status === 'SENT' && e.node.unread)).toBe(true);

    const marked = await app.mutate<{ markAllNotificationsRead: { updatedCount: number } }>({
      mutation: MARK_ALL_READ,
    });
    expect(marked.data?.markAllNotificationsRead.updatedCount).toBe(3);
    // The badge and the inbox rows update from the mutation answer, without a refetch.
    expect(app.readQuery<Badge>({ query: BADGE })?.me.unreadNotificationCount).toBe(0);
    const rows = app.readQuery<Inbox>({ query: INBOX })?.notifications.edges.map((e) => e.node);
    expect(rows?.map((n) => [n.status, n.unread])).toEqual([
      ['OPENED', false],
      ['OPENED', false],
      ['OPENED', false],
    ]);
  });

  it('shows how many waterings and journal entries a plant has', async () => {
    const user = await signupUser(stack);
    const app = await appFor(user);
    const species = await stack.query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      '{ indoorPlants(first: 1) { edges { node { id } } } }',
    );
    const added = await stack.query<{ addUserPlant: { id: string } }>(
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
      { input: { plantId: species.data?.indoorPlants.edges[0]?.node.id } },
      user.headers,
    );
    const id = added.data?.addUserPlant.id ?? '';
    const WATER = 'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { id } }';
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    for (const d of [3, 1]) {
      expect(
        (await stack.query(WATER, { input: { userPlantId: id, wateredAt: daysAgo(d) } }, user.headers)).errors,
      ).toBeUndefined();
    }
    const grown = await stack.query(
      'mutation($input: RecordGrowthInput!) { recordGrowth(input: $input) { id } }',
      { input: { userPlantId: id, type: 'MEASUREMENT', heightCm: 30 } },
      user.headers,
    );
    expect(grown.errors).toBeUndefined();

    const screen = await app.query<PlantScreen>({ query: PLANT_SCREEN, variables: { id } });
    expect(screen.data?.userPlant.waterings).toMatchObject({ totalCount: 2 });
    expect(screen.data?.userPlant.waterings.edges).toHaveLength(1);
    expect(screen.data?.userPlant.growthEntries.totalCount).toBe(1);
  });

  it('answers the codes the README names: NOT_FOUND for a missing id, PERSISTED_QUERY_NOT_FOUND for an unknown hash', async () => {
    const user = await signupUser(stack);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const query of [
      `{ userPlant(id: "${missing}") { id } }`,
      `{ indoorPlant(id: "${missing}") { id } }`,
      `{ notification(id: "${missing}") { id } }`,
    ]) {
      const res = await stack.query(query, {}, user.headers);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
    }
    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
