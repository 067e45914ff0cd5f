/**
 * The transactional outbox every publishing subgraph uses (auth's profile events, plants' care-schedule events): an
 * event is written to the service's own "OutboxEvent" table in the same database transaction as the change it
 * announces, so it exists if and only if the change committed; the relay then publishes it to the event bus and stamps
 * it published. While the bus (Redis) is down events wait in the table and the relay retries; none is lost, and a
 * crash between publishing and stamping only publishes it again (consumers are idempotent, as the bus is at least once).
 *
 * Order: one relay at a time per database (a transaction-scoped advisory lock) publishes in id order and stops at the
 * first failure, so events are published in the order they were written. Writers enqueue after changing the aggregate's
 * row in the same transaction: two transactions about one aggregate serialize on that row, so their events' ids follow
 * their commit order.
 *
 * The relay's transaction stays open while it publishes its batch: that pins one pooled connection for a few
 * milliseconds (Redis commands fail at once while it is down, see deps/redis-client.ts), in exchange for ordering
 * without leases. Writers' own transactions never wait on Redis.
 *
 * Each subgraph's Prisma schema declares the same `OutboxEvent` model (outbox.test.ts checks it).
 *
 * Redis losing its data: published events stay in the table for `retentionMs` (a day). Before each run the relay asks
 * the bus whether it still holds each stream it published to (EventBus.confirmHeld); for a stream it lost, every
 * event still kept is published again, in order, before newer ones, so consumers that recreate their group (from the
 * stream's start) miss nothing they had not read; they already tolerate repeats.
 *
 * Traces: each event keeps the trace context of the transaction that wrote it (`traceContext`, empty while tracing is
 * off) and is published inside it, so its `publish` span belongs to the request that caused it, however late the
 * relay runs. The relay's own loop runs outside every request's context, or the first request to wake it would adopt
 * every later run.
 */
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Logger } from '../logger.js';
import { extractTraceContext, traceContextHeaders, type TraceCarrier } from '../telemetry/propagation.js';
import type { EventBus } from './event-bus.js';

/** Raw SQL on a subgraph's Prisma client or transaction: all the outbox needs, whichever subgraph's client it is. */
export interface OutboxSql {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

interface OutboxDb extends OutboxSql {
  $transaction<R>(fn: (tx: OutboxSql) => Promise<R>): Promise<R>;
}

/** One event to write: `aggregateId` names what it is about (a user, a plant), for operators reading the table. */
export interface OutboxItem {
  aggregateId: string;
  event: object;
}

/**
 * Writes `items` for `stream`, in this order, inside the caller's transaction `tx` (one statement however many): they
 * will be published if and only if `tx` commits.
 */
async function enqueueEvents(tx: OutboxSql, stream: string, items: readonly OutboxItem[]): Promise<void> {
  if (items.length === 0) return;
  const trace = traceContextHeaders();
  await tx.$executeRawUnsafe(
    `INSERT INTO "OutboxEvent" (stream, "aggregateId", payload, "traceContext")
     SELECT $1, item->>'aggregateId', item->'event', $3::jsonb
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(item, position) ORDER BY position`,
    stream,
    JSON.stringify(items),
    Object.keys(trace).length ? JSON.stringify(trace) : null,
  );
}

/** What writers use: enqueue inside their transaction, then wake the relay once it committed. */
export interface Outbox {
  /** Writes `items` inside `tx`, in order, in one statement (see enqueueEvents). */
  enqueue(tx: OutboxSql, stream: string, items: readonly OutboxItem[]): Promise<void>;
  wake(): void;
}

/** Any fixed 64-bit number: the key of the advisory lock that lets one relay of a database publish at a time. */
const RELAY_LOCK = 7_211_930_455_201;

export interface OutboxRelayOptions {
  db: OutboxDb;
  events: EventBus;
  logger: Logger;
  /** Pause between runs when nothing woke the relay (a backstop: writers wake it at once). */
  intervalMs?: number;
  /** Events published per transaction. */
  batchSize?: number;
  /** Published events are deleted after this long (kept a while for operators). */
  retentionMs?: number;
}

export interface OutboxRelay extends Outbox {
  /** Publishes what is pending now, batch after batch; returns how many were published. Throws database errors. */
  runOnce(): Promise<number>;
  /** Asks for a run as soon as possible (writers call it after their commit); runs never overlap. */
  wake(): void;
  /** Runs now, then after every wake() or `intervalMs`, until stop(). */
  start(): void;
  /** Waits for the run in progress, and runs no more. */
  stop(): Promise<void>;
}

interface PendingRow {
  id: bigint | number | string;
  stream: string;
  payload: string;
  traceContext: TraceCarrier | null;
}

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, events, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const intervalMs = options.intervalMs ?? 1_000;
  const retentionMs = options.retentionMs ?? 24 * 3_600_000;
  let stopping = false;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let failing = false;
  let dbFailing = false;

  /** Marks every kept event of a stream the bus lost as unpublished again, so this run publishes it anew. */
  async function republishLost(tx: OutboxSql): Promise<void> {
    const streams = await tx.$queryRawUnsafe<{ stream: string }[]>(
      'SELECT DISTINCT stream FROM "OutboxEvent" WHERE "publishedAt" IS NOT NULL',
    );
    for (const { stream } of streams) {
      // The bus is down: nothing can be published now anyway, and the question is asked again next run.
      const held = await events.confirmHeld(stream).catch(() => true);
      if (held) continue;
      const again = await tx.$executeRawUnsafe(
        'UPDATE "OutboxEvent" SET "publishedAt" = NULL WHERE stream = $1 AND "publishedAt" IS NOT NULL',
        stream,
      );
      logger.warn('the event bus lost a stream; publishing the events the outbox kept again', {
        stream,
        events: again,
      });
    }
  }

  /** One batch: returns how many were published and whether the batch was full (more may be waiting). */
  const batch = () =>
    db.$transaction(async (tx) => {
      const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
        RELAY_LOCK,
      );
      // Another instance's relay is publishing: it publishes ours too, in order.
      if (!lock?.locked) return { published: 0, full: false };
      await republishLost(tx);
      const rows = await tx.$queryRawUnsafe<PendingRow[]>(
        'SELECT id, stream, payload::text AS payload, "traceContext" FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY id LIMIT $1',
        batchSize,
      );
      const published: string[] = [];
      for (const row of rows) {
        try {
          const event = JSON.parse(row.payload) as object;
          await context.with(extractTraceContext(row.traceContext ?? undefined), () =>
            events.publish(row.stream, event),
          );
        } catch (error) {
          // The bus is most likely down: this event and the later ones wait, in order, for the next run.
          if (!failing) logger.warn('publishing from the outbox failed; retrying', { stream: row.stream, error });
          failing = true;
          break;
        }
        published.push(String(row.id));
      }
      if (failing && published.length === rows.length) {
        logger.info('publishing from the outbox works again');
        failing = false;
      }
      if (published.length) {
        await tx.$executeRawUnsafe(
          'UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE id = ANY($1::text[]::bigint[])',
          published,
        );
        await tx.$executeRawUnsafe(
          `DELETE FROM "OutboxEvent" WHERE "publishedAt" < now() - ($1::bigint * interval '1 millisecond')`,
          retentionMs,
        );
      }
      return { published: published.length, full: rows.length === batchSize && published.length === rows.length };
    });

  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const { published, full } = await batch();
      total += published;
      if (!full || stopping) return total;
    }
  }

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopping) timer = context.with(ROOT_CONTEXT, () => setTimeout(() => void loop(), ms).unref());
  };
  const loop = async () => {
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = runOnce().then(
      () => {
        if (dbFailing) logger.info('outbox relay runs again');
        dbFailing = false;
      },
      (error: unknown) => {
        // Once per database outage, not every second.
        if (!dbFailing) logger.error('outbox relay run failed; retrying', { error });
        dbFailing = true;
      },
    );
    await running;
    running = undefined;
    schedule(again ? 0 : intervalMs);
  };

  return {
    runOnce,
    enqueue: enqueueEvents,
    wake: () => {
      if (started && !stopping) schedule(0);
    },
    start: () => {
      started = true;
      void context.with(ROOT_CONTEXT, loop);
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
