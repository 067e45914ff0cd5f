/**
 * The two ways events reach the subscribers:
 * - `due`: each user has one notification scheduled (through the router, as the app does); all are then moved to fall
 *   due at the same instant (one UPDATE in the notifications database), and the dispatcher delivers them. Latency:
 *   due instant → client.
 * - `publish`: the router in isolation: one event per user published straight to the notifications subgraph's
 *   pub/sub topic (Redis), as the dispatcher would. Latency: publish → client.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import pg from 'pg';
import type { BenchUser } from './tokens.js';

const PUBSUB_PREFIX = 'bloomzy:pubsub:';

/** Schedules one IN_APP care tip per user, an hour ahead (moved to `dueAt` later), with bounded concurrency. */
export async function scheduleReminders(
  routerUrl: string,
  users: readonly BenchUser[],
  title: string,
  concurrency: number,
): Promise<number> {
  const scheduledFor = new Date(Date.now() + 3_600_000).toISOString();
  let next = 0;
  let failed = 0;
  const query = 'mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }';
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      const input = { type: 'CARE_TIP', title, body: 'bench', scheduledFor, channels: ['IN_APP'] };
      const response = await fetch(routerUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}` },
        body: JSON.stringify({ query, variables: { input } }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      if (!body.data) {
        failed++;
        if (failed <= 3) console.error('schedule failed:', JSON.stringify(body.errors).slice(0, 300));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failed;
}

/**
 * The rest of the users' reminders as copies of one the app created (`title`, scheduled through the router): the same
 * row for another user id, so N reminders need no N mutations (about 13 a second through the router on this machine).
 */
export async function cloneReminders(
  notificationsDatabaseUrl: string,
  title: string,
  userIds: readonly string[],
): Promise<number> {
  const client = new pg.Client({ connectionString: notificationsDatabaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Notification' AND column_name NOT IN ('id', 'userId')`,
    );
    const list = columns.rows.map((row) => `"${row.column_name}"`).join(', ');
    const result = await client.query(
      `INSERT INTO "Notification" ("id", "userId", ${list})
       SELECT gen_random_uuid(), u.id, ${list.replace(/"([^"]+)"/g, 't."$1"')}
       FROM (SELECT * FROM "Notification" WHERE title = $1 LIMIT 1) t, unnest($2::uuid[]) AS u(id)`,
      [title, userIds],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Makes every benchmark reminder fall due at `dueAt` (and lets the dispatcher see it then). */
export async function makeDue(notificationsDatabaseUrl: string, title: string, dueAt: Date): Promise<number> {
  const client = new pg.Client({ connectionString: notificationsDatabaseUrl });
  await client.connect();
  try {
    const result = await client.query(
      `UPDATE "Notification" SET "scheduledFor" = $1, "dispatchAt" = $1 WHERE title = $2 AND status = 'SCHEDULED'`,
      [dueAt, title],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Publishes one notification per user on their live topic, as the dispatcher does; returns the publish instant. */
export async function publishDirect(redis: Redis, users: readonly BenchUser[]): Promise<number> {
  const now = new Date().toISOString();
  const pipeline = redis.pipeline();
  const publishedAt = Date.now();
  for (const user of users) {
    const notification = {
      id: randomUUID(),
      userId: user.id,
      userPlantId: null,
      type: 'CARE_TIP',
      status: 'SENT',
      title: 'bench publish',
      body: 'bench',
      priority: 5,
      channels: ['IN_APP'],
      scheduledFor: now,
      sentAt: now,
      createdAt: now,
      updatedAt: now,
      openedAt: null,
      actedAt: null,
      dismissedAt: null,
      cancelledAt: null,
      failedAt: null,
      dispatchAt: null,
      claimedUntil: null,
    };
    pipeline.publish(`${PUBSUB_PREFIX}notifications.user.${user.id}`, JSON.stringify(notification));
  }
  await pipeline.exec();
  return publishedAt;
}
