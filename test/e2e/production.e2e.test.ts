/**
 * Issue 4 in the production topology, every service its own OS process: auth, plants, notifications A and B (one
 * Postgres database, one Redis, dispatching side by side) and two routers — router 1 → A, router 2 → B, both → the same
 * auth and plants. Clients talk to the routers only (HTTP and graphql-ws); what was stored is read from the
 * notifications database.
 *
 * 1. A due reminder is sent exactly once although two dispatchers race for it, and reaches subscribers on both routers.
 * 2. A watering through router 2 reaches the reminder engine over Redis Streams (one consumer group for both
 *    instances) and leaves exactly one pending reminder for the plant.
 * 3. An instance killed with SIGKILL while dispatching loses nothing and sends nothing twice: its claims are retaken by
 *    the other instance once their lease runs out.
 *
 * Needs TEST_DATABASE_URL and REDIS_URL: skipped without them, except with CI=true, where their absence fails the run.
 * Figures (latencies, who sent what) are printed, prefixed "[production e2e]".
 */
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { leaseMsFor } from '@bloomzy/notifications/jobs/claims';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds, testRedisUrl } from '@bloomzy/shared/testing/test-database';
import { DISPATCH_LOOKAHEAD_MS, startTopology, WEBHOOK_TIMEOUT_MS, type Topology } from './processes.js';
import { eventually } from './wait-for.js';

// Both throw when CI=true and the variable is missing, so CI fails here instead of skipping.
const postgres = testDatabaseKinds().includes('postgres');
const redisUrl = testRedisUrl();

const LEASE_MS = leaseMsFor(WEBHOOK_TIMEOUT_MS);
const report = (line: string) => console.log(`[production e2e] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A GraphQL request that must succeed; its data. */
async function call<T>(
  service: { graphqlUrl: string },
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await gql<T>(service.graphqlUrl, query, variables, headers);
  if (!res.data || res.errors) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

interface User {
  id: string;
  username: string;
  token: string;
  headers: Record<string, string>;
}

async function signup(router: { graphqlUrl: string }, handle: string): Promise<User> {
  const username = `${handle}_${Math.random().toString(36).slice(2, 10)}`;
  const { signup: s } = await call<{ signup: { accessToken: string; user: { id: string } } }>(
    router,
    'mutation($input: SignupInput!) { signup(input: $input) { accessToken user { id } } }',
    { input: { email: `${username}@bloomzy.test`, password: 'green-thumb-1', username, timezone: 'UTC' } },
  );
  return { id: s.user.id, username, token: s.accessToken, headers: { authorization: `Bearer ${s.accessToken}` } };
}

async function addPlant(router: { graphqlUrl: string }, user: User, nickname: string): Promise<string> {
  const species = await call<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
    router,
    '{ indoorPlants(first: 1, filter: { text: "Monstera deliciosa" }) { edges { node { id } } } }',
  );
  const plantId = species.indoorPlants.edges[0]?.node.id;
  const added = await call<{ addUserPlant: { id: string } }>(
    router,
    'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
    { input: { plantId, nickname, location: 'Living room' } },
    user.headers,
  );
  return added.addUserPlant.id;
}

/** scheduleNotification through `router`: an IN_APP notification due at `at`; its id. */
async function schedule(
  router: { graphqlUrl: string },
  user: User,
  at: Date,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const input = {
    type: 'WATERING_REMINDER',
    title: 'Time to water',
    body: 'Scheduled by the e2e test.',
    scheduledFor: at.toISOString(),
    channels: ['IN_APP'],
    ...extra,
  };
  const res = await call<{ scheduleNotification: { id: string } }>(
    router,
    'mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }',
    { input },
    user.headers,
  );
  return res.scheduleNotification.id;
}

const SUBSCRIPTION = 'subscription { notificationReceived { id title userPlant { nickname } recipient { username } } }';

interface LiveNotification {
  id: string;
  title: string;
  userPlant: { nickname: string } | null;
  recipient: { username: string } | null;
}

/** One graphql-ws client subscribed to notificationReceived through a router; records what arrives, and when. */
class Inbox {
  readonly received: { notification: LiveNotification; at: number }[] = [];
  readonly errors: unknown[] = [];
  readonly #client: Client;

  constructor(router: { baseUrl: string }, user: User) {
    this.#client = createClient({
      url: `${router.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
    });
    this.#client.subscribe<{ notificationReceived: LiveNotification }>(
      { query: SUBSCRIPTION },
      {
        next: (result) => {
          if (result.data) this.received.push({ notification: result.data.notificationReceived, at: Date.now() });
          if (result.errors) this.errors.push(...result.errors);
        },
        error: (error) => this.errors.push(error),
        complete: () => {},
      },
    );
  }

  ids(): string[] {
    return this.received.map((r) => r.notification.id);
  }

  count(id: string): number {
    return this.ids().filter((x) => x === id).length;
  }

  close(): Promise<void> {
    return this.#client.dispose() ?? Promise.resolve();
  }
}

/**
 * Resolves once `inboxes` are live end to end (router → subgraph → Redis pub/sub): a test notification sent now
 * reaches all of them. Live push is at-most-once, so a subscription still being set up would miss events; this
 * replaces a guessed sleep. Returns the test notifications' ids (they are in the inboxes too).
 */
async function whenLive(router: { graphqlUrl: string }, user: User, inboxes: Inbox[]): Promise<string[]> {
  const sent: string[] = [];
  for (let attempt = 1; attempt <= 4; attempt++) {
    const res = await call<{ sendTestNotification: { id: string } }>(
      router,
      'mutation { sendTestNotification(channels: [IN_APP]) { id } }',
      {},
      user.headers,
    );
    sent.push(res.sendTestNotification.id);
    const arrived = await eventually(
      () => inboxes.every((i) => sent.some((id) => i.count(id) > 0)),
      Boolean,
      1_500,
      50,
    );
    if (arrived) return sent;
  }
  throw new Error(`subscriptions never went live: ${JSON.stringify(inboxes.map((i) => i.errors))}`);
}

/** A Redis reply of alternating names and values (XINFO) as an object. */
const pairs = (flat: unknown[]): Record<string, unknown> =>
  Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [String(flat[2 * i]), flat[2 * i + 1]]));

/** An event stream's consumer groups, the notifications group's counters, and the pids of its consumers. */
async function streamState(t: Topology, stream: string) {
  const key = `bloomzy:events:${stream}`;
  const redis = t.redis.client;
  const groups = ((await redis.call('XINFO', 'GROUPS', key)) as unknown[][]).map(pairs);
  const consumers = ((await redis.call('XINFO', 'CONSUMERS', key, 'notifications')) as unknown[][]).map(pairs);
  return {
    length: await redis.xlen(key),
    groups: groups.map((g) => g.name),
    group: groups.find((g) => g.name === 'notifications'),
    // Each instance consumes under its INSTANCE_ID, so a restart resumes its own pending events.
    consumerNames: consumers.map((c) => String(c.name)),
  };
}

const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

describe.skipIf(!postgres || !redisUrl)(
  'production topology: separate processes, Postgres, Redis, two notifications instances',
  () => {
    let t: Topology;
    let db: pg.Client;
    const inboxes: Inbox[] = [];
    const inbox = (router: { baseUrl: string }, user: User) => {
      const created = new Inbox(router, user);
      inboxes.push(created);
      return created;
    };

    beforeAll(async () => {
      const started = Date.now();
      t = await startTopology(process.env.TEST_DATABASE_URL ?? '', redisUrl ?? '');
      db = new pg.Client({ connectionString: t.databases.urls.notifications });
      await db.connect();
      report(`topology up in ${Date.now() - started} ms (Redis db ${t.redis.index}, claim lease ${LEASE_MS} ms)`);
    }, 120_000);

    afterAll(async () => {
      await Promise.all(inboxes.map((i) => i.close()));
      await db?.end();
      await t?.stop();
    }, 60_000);

    beforeEach((context) => {
      context.onTestFailed(() => console.error(`--- service output ---\n${t.output()}`));
    });
    afterEach(async () => {
      await Promise.all(inboxes.splice(0).map((i) => i.close()));
    });

    it('runs subgraphs that answer only their routers (the secret is shared by the processes alone)', async () => {
      for (const subgraph of [t.auth, t.plants, t.notificationsA, t.notificationsB]) {
        const direct = await gql(subgraph.graphqlUrl, '{ __typename }');
        expect({ status: direct.status, code: direct.errors?.[0]?.extensions?.code }, subgraph.name).toEqual({
          status: 403,
          code: 'FORBIDDEN',
        });
        expect((await fetch(`${subgraph.baseUrl}/ready`)).status, subgraph.name).toBe(200);
      }
      const user = await signup(t.router2, 'direct');
      expect(user.token).toBeTruthy();
    });

    it('sends a due reminder exactly once across two instances, live to subscribers on either router', async () => {
      const ada = await signup(t.router1, 'ada');
      const viaRouter1 = inbox(t.router1, ada);
      const viaRouter2 = inbox(t.router2, ada);
      await whenLive(t.router1, ada, [viaRouter1, viaRouter2]);
      const plantId = await addPlant(t.router1, ada, 'Monty');
      const dueAt = new Date(Date.now() + 2_000);
      const id = await schedule(t.router1, ada, dueAt, { title: 'Water Monty', userPlantId: plantId });

      await eventually(() => viaRouter1.count(id) > 0 && viaRouter2.count(id) > 0, Boolean, 10_000, 50);
      await sleep(1_000); // room for a duplicate to show up
      const latencies: number[] = [];
      for (const box of [viaRouter1, viaRouter2]) {
        expect(box.errors).toEqual([]);
        expect(box.count(id)).toBe(1);
        expect(duplicates(box.ids())).toEqual([]);
        const received = box.received.find((r) => r.notification.id === id);
        expect(received?.notification).toEqual({
          id,
          title: 'Water Monty',
          userPlant: { nickname: 'Monty' },
          recipient: { username: ada.username },
        });
        latencies.push((received?.at ?? Number.NaN) - dueAt.getTime());
      }
      const { rows } = await db.query<{ status: string; channel: string; outcome: string; instanceId: string }>(
        `SELECT n.status::text, a.channel::text, a.outcome::text, a."instanceId"
       FROM "Notification" n LEFT JOIN "DeliveryAttempt" a ON a."notificationId" = n.id WHERE n.id = $1`,
        [id],
      );
      expect(rows).toEqual([
        {
          status: 'SENT',
          channel: 'IN_APP',
          outcome: 'SUCCEEDED',
          instanceId: expect.stringMatching(/^notifications-[ab]$/),
        },
      ]);
      report(
        `1: sent by ${rows[0]?.instanceId}; received after it fell due: via router 1 ${latencies[0]} ms, via router 2 ${latencies[1]} ms`,
      );
    });

    it('carries a watering through Redis Streams to the reminder engine: one pending reminder for the plant', async () => {
      const grace = await signup(t.router1, 'grace');
      const plantId = await addPlant(t.router1, grace, 'Fern');
      const wateredAt = Date.now();
      const watered = await call<{ waterPlant: { userPlant: { nextWateringAt: string } } }>(
        t.router2,
        'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { userPlant { nextWateringAt } } }',
        { input: { userPlantId: plantId, amountMl: 300 } },
        grace.headers,
      );
      const due = new Date(watered.waterPlant.userPlant.nextWateringAt);
      // Sent on the due day at the default preferred hour, 09:00 in the user's zone (UTC).
      const sendAt = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate(), 9)).toISOString();
      const pendingForPlant = async () => {
        const res = await call<{
          notifications: {
            edges: { node: { scheduledFor: string; userPlant: { id: string; nickname: string } | null } }[];
          };
        }>(
          t.router1,
          '{ notifications(filter: { status: [SCHEDULED], type: [WATERING_REMINDER] }, first: 100) { edges { node { scheduledFor userPlant { id nickname } } } } }',
          {},
          grace.headers,
        );
        return res.notifications.edges.map((e) => e.node).filter((n) => n.userPlant?.id === plantId);
      };
      // The plant's first reminder (planned when it was added) is either moved to the new date or, if it went out
      // meanwhile, replaced: one way or the other, exactly one is pending.
      const pending = await eventually(
        pendingForPlant,
        (list) => list.length === 1 && list[0]?.scheduledFor === sendAt,
        10_000,
        50,
      );
      const latency = Date.now() - wateredAt;
      expect(pending).toEqual([{ scheduledFor: sendAt, userPlant: { id: plantId, nickname: 'Fern' } }]);

      // One consumer group that both instances read from, so each event is handed to one of them; nothing is left
      // undelivered (lag) or unacknowledged (pending).
      const stream = await eventually(
        () => streamState(t, 'plants.care-schedule'),
        (s) => s.group?.pending === 0 && s.group.lag === 0,
        5_000,
        50,
      );
      expect(stream.groups).toEqual(['notifications']);
      expect(stream.group).toMatchObject({ pending: 0, lag: 0 });
      expect(stream.consumerNames.sort()).toEqual(['notifications-a', 'notifications-b']);
      report(
        `2: reminder pending ${latency} ms after the watering (plant due ${due.toISOString()}, reminder at ${sendAt}); ` +
          `stream: ${stream.length} events, group "notifications" read ${String(stream.group?.['entries-read'])}, 0 pending`,
      );
    });

    it(
      'loses nothing and sends nothing twice when an instance is killed (SIGKILL) while dispatching',
      async () => {
        const users = await Promise.all(['kim', 'lee', 'max', 'noa'].map((handle) => signup(t.router1, handle)));
        const boxes = users.map((user) => inbox(t.router2, user));
        const testIds = (
          await Promise.all(users.map((user, i) => whenLive(t.router2, user, boxes.slice(i, i + 1))))
        ).flat();
        // Kill A the moment it holds live claims on some of them, i.e. while it is dispatching them.
        let ids: string[] = [];
        const heldByA = async () =>
          (
            await db.query<{ id: string }>(
              `SELECT id::text FROM "Notification" WHERE id = ANY($1::uuid[]) AND status = 'SCHEDULED' AND "claimedBy" LIKE 'notifications-a:%'`,
              [ids],
            )
          ).rows.map((r) => r.id);
        // A and B race for the burst in batches of 5; now and then B claims all 40 before A's dispatcher wakes, and
        // there is no dispatch of A's to kill it in: then another burst, at most three. Every burst's reminders are
        // each recipient's, for the live-push check below.
        const idsByUser: string[][] = users.map(() => []);
        let dueAt = new Date();
        let seenHeld: string[] = [];
        for (let burst = 1; burst <= 3 && seenHeld.length === 0; burst++) {
          const due = new Date(Date.now() + 3_000);
          const scheduled = await Promise.all(
            users.map((user) =>
              Promise.all(
                Array.from({ length: 10 }, (_, k) => schedule(t.router1, user, due, { title: `Reminder ${k}` })),
              ),
            ),
          );
          scheduled.forEach((list, i) => idsByUser[i]?.push(...list));
          ids = scheduled.flat();
          dueAt = due;
          expect(ids).toHaveLength(40);
          expect(Date.now()).toBeLessThan(dueAt.getTime()); // all scheduled before any fell due
          await sleep(dueAt.getTime() - Date.now() - 100);
          seenHeld = await eventually(heldByA, (held) => held.length > 0, 3_000, 2);
          if (seenHeld.length === 0) report(`3: burst ${burst}: B claimed all 40 before A did; another burst`);
        }
        t.notificationsA.kill();
        await t.notificationsA.exited;
        const killedAfterMs = Date.now() - dueAt.getTime();
        expect(
          seenHeld.length,
          'A claimed none of them within 3 s of their due time: it was not killed mid-dispatch',
        ).toBeGreaterThan(0);
        const orphans = await heldByA();
        report(
          `3: A killed ${killedAfterMs} ms after the 40 fell due, holding ${seenHeld.length} claims; ${orphans.length} of them never completed`,
        );

        interface Row {
          id: string;
          status: string;
          rounds: number;
          sentAtMs: number | null;
          inApp: number;
          allSucceeded: boolean | null;
          sentBy: string[];
        }
        const state = async () =>
          (
            await db.query<Row>(
              `SELECT n.id::text, n.status::text, n."dispatchRounds" AS rounds,
                  (extract(epoch FROM n."sentAt") * 1000)::float8 AS "sentAtMs",
                  (count(a.id) FILTER (WHERE a.channel = 'IN_APP'))::int AS "inApp",
                  bool_and(a.outcome = 'SUCCEEDED') AS "allSucceeded",
                  array_remove(array_agg(a."instanceId"), NULL) AS "sentBy"
           FROM "Notification" n LEFT JOIN "DeliveryAttempt" a ON a."notificationId" = n.id
           WHERE n.id = ANY($1::uuid[]) GROUP BY n.id`,
              [ids],
            )
          ).rows;
        const rows = await eventually(state, (all) => all.every((r) => r.status === 'SENT'), LEASE_MS + 15_000, 250);
        const allSentAfterMs = Date.now() - dueAt.getTime();

        // None lost, none sent twice: 40 SENT, one successful IN_APP delivery each.
        expect(rows).toHaveLength(40);
        expect(rows.filter((r) => r.status !== 'SENT')).toEqual([]);
        expect(rows.filter((r) => r.inApp !== 1 || r.sentBy.length !== 1 || !r.allSucceeded)).toEqual([]);
        // What A claimed and never finished was retaken by B once the lease ran out: its second round, B's delivery.
        const retaken = rows.filter((r) => orphans.includes(r.id));
        expect(retaken.map((r) => ({ rounds: r.rounds, sentBy: r.sentBy }))).toEqual(
          orphans.map(() => ({ rounds: 2, sentBy: ['notifications-b'] })),
        );
        // A's lease ran from its claim, taken up to the look-ahead before the due time.
        for (const r of retaken)
          expect(r.sentAtMs).toBeGreaterThanOrEqual(dueAt.getTime() - DISPATCH_LOOKAHEAD_MS + LEASE_MS);

        // Live pushes via router 2 (→ B): at most once each, only to their recipient; how many arrived is reported.
        await sleep(500);
        const liveByUser = boxes.map((box) => box.ids().filter((id) => !testIds.includes(id)));
        const live = liveByUser.flat();
        expect(duplicates(live)).toEqual([]);
        liveByUser.forEach((received, i) => expect(received.filter((id) => !idsByUser[i]?.includes(id))).toEqual([]));
        expect(boxes.flatMap((box) => box.errors)).toEqual([]);

        const by = (instance: string) => rows.filter((r) => r.sentBy[0] === instance).length;
        const lateness = (list: Row[]) => Math.max(0, ...list.map((r) => (r.sentAtMs ?? 0) - dueAt.getTime()));
        const onTime = rows.filter((r) => !orphans.includes(r.id));
        report(
          `3: all 40 SENT ${allSentAfterMs} ms after due (A ${by('notifications-a')}, B ${by('notifications-b')}); ` +
            `latest on-time send +${lateness(onTime)} ms, retaken ones +${lateness(retaken)} ms; live pushes via router 2: ${live.length}/40, no duplicates`,
        );
      },
      LEASE_MS + 60_000,
    );
  },
);
