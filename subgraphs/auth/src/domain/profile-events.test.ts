/**
 * Profile events go through the shared outbox (real database, PGlite always and Postgres when TEST_DATABASE_URL is
 * set): a change commits with its event whether or not the event bus is up, the relay publishes what waited once it is
 * back, in the order the changes were made, and a change that fails publishes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '@bloomzy/shared/db/open';
import { createLogger } from '@bloomzy/shared/logger';
import { MemoryEventBus } from '@bloomzy/shared/messaging/event-bus';
import { createOutboxRelay, type OutboxRelay } from '@bloomzy/shared/messaging/outbox';
import { USER_PROFILE_STREAM, type UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import { prismaProject } from '@bloomzy/shared/paths';
import { createTestDatabase, testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { createAuthDb, type AuthDb } from '../db/client.js';
import { updateProfile } from './accounts.js';

const logger = createLogger({ service: 'auth-test', level: 'silent' });
const until = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** An event bus that refuses to publish while `down`, as the Redis one does during an outage. */
class FlakyBus extends MemoryEventBus {
  down = false;
  readonly published: UserProfileEvent[] = [];
  readonly #lost = new Set<string>();
  override async publish(stream: string, event: object): Promise<void> {
    if (this.down) throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
    if (stream === USER_PROFILE_STREAM) this.published.push(event as UserProfileEvent);
  }
  /** As Redis restarting without its data: the next confirmHeld of `stream` answers false. */
  loseData(stream: string): void {
    this.#lost.add(stream);
  }
  override async confirmHeld(stream: string): Promise<boolean> {
    return !this.#lost.delete(stream);
  }
}

describe.each(testDatabaseKinds())('profile events through the outbox on %s', (kind) => {
  let database: OpenedDatabase;
  let db: AuthDb;
  let bus: FlakyBus;
  let relay: OutboxRelay;

  beforeAll(async () => {
    database = await createTestDatabase(prismaProject('auth'), kind);
    db = createAuthDb(database.adapter);
    bus = new FlakyBus();
    relay = createOutboxRelay({ db, events: bus, logger, intervalMs: 50 });
    relay.start();
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.$disconnect();
    await database?.close();
  });

  const newUser = (name: string) =>
    db.user.create({ data: { email: `${name}@bloomzy.test`, username: name, passwordHash: 'x' } });

  it('commits changes while the bus is down and publishes their events in order once it is back', async () => {
    const user = await newUser(`outage${Date.now()}`);
    bus.down = true;
    const zones = ['Europe/Berlin', 'Asia/Tokyo', 'America/New_York'];
    for (const timezone of zones) await updateProfile({ db, outbox: relay }, user.id, { timezone });
    await new Promise((r) => setTimeout(r, 200)); // the relay has tried, and failed, meanwhile
    expect(bus.published.filter((e) => e.userId === user.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timezone).toBe('America/New_York');

    bus.down = false;
    await until(() => bus.published.filter((e) => e.userId === user.id).length === zones.length);
    expect(bus.published.filter((e) => e.userId === user.id).map((e) => e.timezone)).toEqual(zones);
    // Stamped published once the relay's transaction commits.
    await until(async () => (await db.outboxEvent.count({ where: { publishedAt: null } })) === 0);
  });

  it('publishes the events it kept again, in order and before newer ones, when the bus lost its data', async () => {
    const user = await newUser(`loss${Date.now()}`);
    const mine = () => bus.published.filter((e) => e.userId === user.id).map((e) => e.timezone);
    for (const timezone of ['Europe/Paris', 'Europe/Rome'])
      await updateProfile({ db, outbox: relay }, user.id, { timezone });
    await until(() => mine().length === 2);
    bus.loseData(USER_PROFILE_STREAM);
    await updateProfile({ db, outbox: relay }, user.id, { timezone: 'Europe/Oslo' });
    // Every kept event of the stream goes again (other users' too), then the new one: the last three, in order.
    await until(() => mine().length === 5);
    expect(mine()).toEqual(['Europe/Paris', 'Europe/Rome', 'Europe/Paris', 'Europe/Rome', 'Europe/Oslo']);
    await until(async () => (await db.outboxEvent.count({ where: { publishedAt: null } })) === 0);
  });

  it('publishes each event once and in order with two relays (two instances) on one database', async () => {
    await relay.stop(); // the two below are the only publishers
    const user = await newUser(`pair${Date.now()}`);
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 30);
    for (const timezone of zones)
      await updateProfile({ db, outbox: { enqueue: relay.enqueue, wake: () => {} } }, user.id, { timezone });
    const otherDb = createAuthDb(database.adapter);
    const relays = [db, otherDb].map((client) => createOutboxRelay({ db: client, events: bus, logger, batchSize: 4 }));
    try {
      const runs = await Promise.all([...relays, ...relays].map((r) => r.runOnce()));
      while ((await db.outboxEvent.count({ where: { publishedAt: null } })) > 0) await relays[1]?.runOnce();
      const mine = bus.published.filter((e) => e.userId === user.id).map((e) => e.timezone);
      expect(mine).toEqual(zones);
      console.info(`two relays over 30 events (${kind}): runs published ${runs.join(' + ')}`);
    } finally {
      await otherDb.$disconnect();
      relay = createOutboxRelay({ db, events: bus, logger, intervalMs: 50 });
      relay.start();
    }
  });

  it('publishes nothing for a change that did not commit', async () => {
    const taken = await newUser(`taken${Date.now()}`);
    const user = await newUser(`other${Date.now()}`);
    const before = await db.outboxEvent.count();
    await expect(updateProfile({ db, outbox: relay }, user.id, { username: taken.username })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await db.outboxEvent.count()).toBe(before);
  });
});
