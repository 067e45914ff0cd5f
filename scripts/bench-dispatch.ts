/**
 * `npm run bench:dispatch -- --due N [--batch B] [--concurrency C] [--lookahead-ms L] [--memory]`: the notifications dispatcher alone
 * against Postgres. Creates a fresh database `bench_dispatch` on 127.0.0.1:5432, writes N IN_APP reminders for N
 * different users all due at one instant (a few seconds ahead), starts the dispatcher loop as a service would and
 * measures, per notification, the time from due to its live publish being acknowledged by Redis (`--memory`: the
 * in-process pub/sub instead). Prints p50/p99/max, throughput (notifications per second from the first publish to the
 * last) and checks that every one was published exactly once and is SENT. Figures, not assertions.
 * `--batch`/`--concurrency` are handed to createDispatcher (older versions took only a batch size).
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DEFAULT_DISPATCH_LOOKAHEAD_MS } from '@bloomzy/notifications/config';
import { createNotificationsDb } from '@bloomzy/notifications/db/client';
import { createDispatcher } from '@bloomzy/notifications/jobs/dispatcher';
import { systemClock } from '@bloomzy/shared/clock';
import { openDatabase } from '@bloomzy/shared/db/open';
import { createLogger } from '@bloomzy/shared/logger';
import { MemoryPubSub, RedisPubSub, type PubSub } from '@bloomzy/shared/messaging/pubsub';
import { prismaProject } from '@bloomzy/shared/paths';
import { fmt, latencyStats } from './bench/stats.js';

const { values } = parseArgs({
  options: {
    due: { type: 'string', default: '1000' },
    batch: { type: 'string' },
    concurrency: { type: 'string' },
    'in-flight': { type: 'string' },
    memory: { type: 'boolean', default: false },
    'lead-ms': { type: 'string', default: '3000' },
    'timeout-s': { type: 'string', default: '180' },
    warmup: { type: 'string', default: '1000' },
    // Production's claim-ahead (DISPATCH_LOOKAHEAD_MS); 0 claims only what is due.
    'lookahead-ms': { type: 'string', default: String(DEFAULT_DISPATCH_LOOKAHEAD_MS) },
  },
});
const N = Number(values.due);
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'bench_dispatch';

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB_NAME}`);
await admin.end();
const opened = await openDatabase({
  url: `postgres://postgres@127.0.0.1:5432/${DB_NAME}`,
  dataDir: '',
  project: prismaProject('notifications'),
  migrate: true,
});
const db = createNotificationsDb(opened.adapter);

const redis = values.memory ? null : new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
await redis?.connect();
const inner: PubSub = redis ? new RedisPubSub(redis, 'dispatcher:bench:') : new MemoryPubSub();
const published = new Map<string, number[]>();
let due = 0;
const pubsub: PubSub = {
  async publish(topic, payload) {
    await inner.publish(topic, payload);
    const at = Date.now();
    const list = published.get(topic) ?? [];
    list.push(at);
    published.set(topic, list);
  },
  subscribe: (topic) => inner.subscribe(topic),
  close: () => inner.close(),
};

// N reminders, one per user, written for a day ahead, then all moved to one instant a little ahead in one statement
// (so the writing time does not eat the lead); the dispatcher is started before that instant, as in a service.
const dueAt = new Date(Date.now() + 86_400_000);
const reminder = (i: number) => ({
  id: crypto.randomUUID(),
  userId: crypto.randomUUID(),
  type: 'WATERING_REMINDER' as const,
  source: 'ENGINE' as const,
  title: `Water plant ${i}`,
  body: 'Time to water.',
  channels: ['IN_APP' as const],
  pendingChannels: ['IN_APP' as const],
  scheduledFor: dueAt,
  dispatchAt: dueAt,
  createdAt: new Date(),
});
const rows = Array.from({ length: N }, (_, i) => reminder(i));
for (let i = 0; i < rows.length; i += 5_000) await db.notification.createMany({ data: rows.slice(i, i + 5_000) });

const logger = createLogger({ service: 'bench-dispatch', level: 'warn' });
const dispatcher = createDispatcher({
  runtime: {
    db,
    clock: systemClock,
    logger,
    pubsub,
    config: {
      webhookAllowPrivate: true,
      webhookTimeoutMs: 5_000,
      instanceId: 'bench',
      // No external channels: the bench measures claims, writes and live publishes.
      email: null,
      webPush: null,
      unsubscribeSecret: new Uint8Array(32),
      publicUrl: 'http://127.0.0.1:4000',
    },
  },
  intervalMs: 1_000,
  lookaheadMs: Number(values['lookahead-ms']),
  ...(values.batch ? { batchSize: Number(values.batch) } : {}),
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
  ...(values['in-flight'] ? { batchesInFlight: Number(values['in-flight']) } : {}),
});
// Warm-up (JIT, connection pool): reminders due now (--warmup, default 1000), dispatched and discarded before measuring.
const warm = Array.from({ length: Number(values.warmup) }, (_, i) => ({ ...reminder(i), dispatchAt: new Date() }));
await db.notification.createMany({ data: warm });
while ((await dispatcher.runOnce()) > 0);
published.clear();
await db.notification.deleteMany({ where: { id: { in: warm.map((w) => w.id) } } });

due = Date.now() + Number(values['lead-ms']);
await db.notification.updateMany({ data: { scheduledFor: new Date(due), dispatchAt: new Date(due) } });
const cpuBefore = process.cpuUsage();
dispatcher.start();
const deadline = Date.now() + Number(values['timeout-s']) * 1000;
while (published.size < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
await dispatcher.stop();
const cpu = process.cpuUsage(cpuBefore);

const times = [...published.values()].flat();
const lags = times.map((t) => t - due);
const stats = latencyStats(lags);
const first = Math.min(...times);
const last = Math.max(...times);
const duplicates = [...published.values()].filter((l) => l.length > 1).length;
const sent = await db.notification.count({ where: { status: 'SENT' } });
const attempts = await db.deliveryAttempt.count();
console.log(
  `bench:dispatch — ${N} reminders for ${N} users due at once; pub/sub ${redis ? 'Redis' : 'memory'}; ` +
    `batch ${values.batch ?? 'default'}, concurrency ${values.concurrency ?? 'default'}, ` +
    `look-ahead ${values['lookahead-ms']} ms; Node ${process.version}`,
);
console.log(
  `  published ${published.size}/${N} (duplicates ${duplicates}); SENT ${sent}; delivery log rows ${attempts}`,
);
console.log(`  due → published: p50 ${fmt(stats.p50)}  p99 ${fmt(stats.p99)}  max ${fmt(stats.max)}`);
console.log(
  `  throughput ${(times.length / Math.max(0.001, (last - first) / 1000)).toFixed(0)}/s ` +
    `(first publish ${fmt(first - due)} after due, last ${fmt(last - due)}); ` +
    `bench process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
);
await db.$disconnect();
await inner.close();
redis?.disconnect();
await opened.close();
