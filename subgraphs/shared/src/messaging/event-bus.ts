/**
 * Durable service-to-service events (the plants service's care-schedule changes, consumed by notifications).
 * Delivery is at-least-once: a handler that throws sees the event again, so handlers must be idempotent.
 * Redis Streams with consumer groups in production (events wait in the stream while the consumer is down, and an
 * instance that crashed mid-event has it reclaimed by another); an in-process queue in `npm start`.
 */
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { duplicateRedis } from '../deps/redis-client.js';
import type { Logger } from '../logger.js';
import { bindToCurrentContext, produceMessage, traceFieldsOf, type TraceCarrier } from '../telemetry/propagation.js';
import { batchReceiver, batching, receiver, streamOf, type Delivery } from './event-delivery.js';

export type EventHandler<T> = (event: T) => Promise<void>;
/** A handler of the events that arrived together, in their order (see EventBus.consumeBatches). */
export type BatchHandler<T> = (events: T[]) => Promise<void>;

export interface Consumer {
  stop(): Promise<void>;
}

/** A stream and the schema of its events: the contract between its publisher and its consumers (see topics.ts). */
export interface Topic<T> {
  readonly stream: string;
  readonly schema: z.ZodType<T>;
}

export const defineTopic = <T>(stream: string, schema: z.ZodType<T>): Topic<T> => ({ stream, schema });

export interface EventBus {
  publish(stream: string, event: object): Promise<void>;
  /**
   * Every consumer group receives each event once (per group, at least once). Given a topic, the handler sees only
   * events that match its schema, parsed by it; given a bare stream name, whatever was published.
   */
  consume<T>(source: Topic<T> | string, group: string, handler: EventHandler<T>): Consumer;
  /**
   * As consume, but the handler is given the events that arrived together (what one read of the stream returns, at
   * most 50; in memory, those published in one turn of the event loop) as one array in their order, and they are
   * acknowledged together once it resolves. If it throws, the batch's events are handed over again one by one, at
   * once (so an event that can never succeed holds back only itself), and those that fail again are retried like any
   * failed event. For consumers whose work can be shared between events: the reminder engine re-plans a user once for
   * many changes to their plants.
   */
  consumeBatches<T>(source: Topic<T> | string, group: string, handler: BatchHandler<T>): Consumer;
  /**
   * False once after the bus lost what had been published to `stream` (Redis restarted without its data, a failover
   * to an empty replica), true otherwise; it answers by a marker the loss takes with it, set again by this call. The
   * outbox relay asks before publishing, and publishes again what it still holds (outbox.ts).
   */
  confirmHeld(stream: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A stream entry's event (the `data` field publish writes beside the trace context). */
const dataOf = (fields: string[]): string | undefined => fields[fields.indexOf('data') + 1];

const RETRY_DELAYS_MS = [100, 500, 2_000, 5_000];

/** The producer span of a publish; the bus stores the carrier it gets beside the event. */
const published = (stream: string, send: (trace: TraceCarrier) => Promise<void>) =>
  produceMessage(
    `publish ${stream}`,
    {
      'messaging.system': 'bloomzy.event-bus',
      'messaging.operation.type': 'send',
      'messaging.destination.name': stream,
    },
    send,
  );

export class MemoryEventBus implements EventBus {
  readonly #groups = new Map<string, Map<string, Delivery>>();
  readonly #pending = new Set<Promise<void>>();
  readonly #pendingByGroup = new Map<string, Set<Promise<void>>>();
  readonly #stopped = new Map<string, AbortController>();
  // Aborted at close: retries waiting for a consumer that is shutting down are dropped instead of outliving it.
  readonly #closing = new AbortController();

  constructor(private readonly logger?: Logger) {}

  /** Memory cannot lose a stream without losing this process too. */
  async confirmHeld(_stream: string): Promise<boolean> {
    return true;
  }

  async publish(stream: string, event: object): Promise<void> {
    await published(stream, async (trace) => this.#publish(stream, event, trace));
  }

  #publish(stream: string, event: object, trace: TraceCarrier): void {
    // Stored as text, like Redis: each group decodes its own copy, and what cannot be serialized fails here.
    const payload = JSON.stringify(event);
    for (const [group, handler] of this.#groups.get(stream) ?? []) {
      const key = `${stream}\n${group}`;
      let ofGroup = this.#pendingByGroup.get(key);
      if (!ofGroup) this.#pendingByGroup.set(key, (ofGroup = new Set()));
      const set = ofGroup;
      const delivery = this.#deliver(stream, group, handler, payload, trace).finally(() => {
        this.#pending.delete(delivery);
        set.delete(delivery);
      });
      this.#pending.add(delivery);
      set.add(delivery);
    }
  }

  async #deliver(
    stream: string,
    group: string,
    handler: Delivery,
    payload: string,
    trace: TraceCarrier,
  ): Promise<void> {
    for (let attempt = 0; !this.#closing.signal.aborted; attempt++) {
      // A stopped consumer gets nothing more, retries included.
      if (this.#groups.get(stream)?.get(group) !== handler) return;
      try {
        await handler(payload, trace);
        return;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 5_000;
        this.logger?.warn('event handler failed; retrying', { error, attempt, delay });
        if (attempt >= 20) return;
        const consumer = this.#stopped.get(`${stream}\n${group}`)?.signal;
        await sleep(delay, consumer ? AbortSignal.any([this.#closing.signal, consumer]) : this.#closing.signal);
      }
    }
  }

  consume<T>(source: Topic<T> | string, group: string, handler: EventHandler<T>): Consumer {
    // Deliveries run as the consumer's code, not the publisher's (in one process, the consuming service's spans).
    return this.#register(streamOf(source), group, bindToCurrentContext(receiver(source, group, handler, this.logger)));
  }

  consumeBatches<T>(source: Topic<T> | string, group: string, handler: BatchHandler<T>): Consumer {
    const deliver = bindToCurrentContext(batchReceiver(source, group, handler, this.logger));
    return this.#register(streamOf(source), group, batching(deliver));
  }

  #register(stream: string, group: string, delivery: Delivery): Consumer {
    let groups = this.#groups.get(stream);
    if (!groups) this.#groups.set(stream, (groups = new Map()));
    groups.set(group, delivery);
    const stopped = new AbortController();
    this.#stopped.set(`${stream}\n${group}`, stopped);
    return {
      // Like a Redis consumer, a stopping consumer finishes the event in hand (so its service can close its database
      // afterwards) and takes no more.
      stop: async () => {
        groups.delete(group);
        stopped.abort(); // a delivery waiting to retry gives up now
        await Promise.allSettled([...(this.#pendingByGroup.get(`${stream}\n${group}`) ?? [])]);
      },
    };
  }

  /** Waits for in-flight deliveries (tests and graceful shutdown). */
  async drain(): Promise<void> {
    while (this.#pending.size) await Promise.allSettled([...this.#pending]);
  }

  async close(): Promise<void> {
    this.#groups.clear();
    this.#closing.abort();
    await this.drain();
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface RedisEventBusOptions {
  /** Events a stream keeps (approximate trim); consumers more than this far behind lose the oldest. */
  maxLength?: number;
  /** A delivery unacknowledged this long (its consumer crashed) is reclaimed by another consumer. */
  claimIdleMs?: number;
  blockMs?: number;
  consumerName?: string;
}

export class RedisEventBus implements EventBus {
  readonly #consumers = new Set<Consumer>();
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly options: RedisEventBusOptions = {},
    private readonly prefix = 'bloomzy:events:',
  ) {}

  async confirmHeld(stream: string): Promise<boolean> {
    // Absent after a loss (or before the first publication, when there is nothing to publish again).
    return (await this.redis.set(`${this.prefix}held:${stream}`, '1', 'NX')) === null;
  }

  async publish(stream: string, event: object): Promise<void> {
    const max = String(this.options.maxLength ?? 100_000);
    const data = JSON.stringify(event);
    await published(stream, async (trace) => {
      // The trace context travels in fields of its own beside `data`, so the event itself is unchanged.
      await this.redis.xadd(
        this.prefix + stream,
        'MAXLEN',
        '~',
        max,
        '*',
        'data',
        data,
        ...Object.entries(trace).flat(),
      );
    });
  }

  consume<T>(source: Topic<T> | string, group: string, handler: EventHandler<T>): Consumer {
    const receive = receiver(source, group, handler, this.logger);
    return this.#consume(
      streamOf(source),
      group,
      (conn, key) => (entries) => this.#oneByOne(conn, key, group, entries, receive),
    );
  }

  /** Hands `entries` to `receive` one at a time, acknowledging each that succeeded; the others wait to be retried. */
  async #oneByOne(conn: Redis, key: string, group: string, entries: [string, string[]][], receive: Delivery) {
    for (const [id, fields] of entries) {
      const data = dataOf(fields);
      try {
        if (data !== undefined) await receive(data, traceFieldsOf(fields));
        await conn.xack(key, group, id);
      } catch (error) {
        // Left unacknowledged: reclaimed and retried after claimIdleMs.
        this.logger.warn('event handler failed; will retry', { stream: key.slice(this.prefix.length), id, error });
      }
    }
  }

  consumeBatches<T>(source: Topic<T> | string, group: string, handler: BatchHandler<T>): Consumer {
    const receive = batchReceiver(source, group, handler, this.logger);
    return this.#consume(streamOf(source), group, (conn, key) => async (entries) => {
      if (entries.length === 0) return;
      const stored = entries.flatMap(([, fields]) => {
        const text = dataOf(fields);
        return text === undefined ? [] : [{ text, trace: traceFieldsOf(fields) }];
      });
      try {
        await receive(stored);
        await conn.xack(key, group, ...entries.map(([id]) => id));
        return;
      } catch {
        // One by one then (see EventBus.consumeBatches): an event that can never succeed must not hold back the
        // rest of its batch.
      }
      await this.#oneByOne(conn, key, group, entries, (text, trace) => receive([{ text, trace }]));
    });
  }

  /**
   * The read loop of one consumer: `handlerFor` makes what handles each read's entries (those Redis still holds) on
   * the consumer's own connection.
   */
  #consume(
    stream: string,
    group: string,
    handlerFor: (conn: Redis, key: string) => (entries: [string, string[]][]) => Promise<void>,
  ): Consumer {
    const key = this.prefix + stream;
    const consumer = this.options.consumerName ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    // Blocking reads hold their connection; each consumer gets its own, which waits for Redis rather than failing
    // while it (re)connects, and logs its errors.
    const conn = duplicateRedis(this.redis, this.logger, `consumer ${stream}/${group}`);
    let running = true;
    const handleEntries = handlerFor(conn, key);
    /** A read's entries that Redis still holds (an entry trimmed away meanwhile comes back without fields). */
    const held = (entries: [string, string[] | null][]) =>
      entries.filter((entry): entry is [string, string[]] => entry[1] !== null && entry[1] !== undefined);
    /**
     * Creates the group (and the stream) unless they exist. From id 0: a group created after Redis lost its data (a
     * restart without persistence, a failover) gets every event published since, none is skipped while it was missing.
     */
    const ensureGroup = () =>
      conn.xgroup('CREATE', key, group, '0', 'MKSTREAM').catch((e: Error) => {
        if (!e.message.includes('BUSYGROUP')) throw e;
      });
    const loop = async () => {
      let groupReady = false;
      let failing = false;
      // Our own deliveries left unacknowledged by a previous run under the same consumer name come first.
      // One pass only (IDs advance), so an event whose handler keeps failing cannot spin here; it is retried by claim.
      let backlogFrom: string | null = '0';
      while (running) {
        try {
          if (!groupReady) {
            await ensureGroup();
            groupReady = true;
            if (failing) this.logger.info('event consumer reading again', { stream, group });
            failing = false;
          }
          if (backlogFrom !== null) {
            const own = (await conn.xreadgroup('GROUP', group, consumer, 'COUNT', 50, 'STREAMS', key, backlogFrom)) as
              [string, [string, string[]][]][] | null;
            const entries = own?.[0]?.[1] ?? [];
            await handleEntries(held(entries));
            backlogFrom = entries.length ? (entries[entries.length - 1]?.[0] ?? null) : null;
            continue;
          }
          const claimed = (await conn.xautoclaim(
            key,
            group,
            consumer,
            this.options.claimIdleMs ?? 30_000,
            '0-0',
            'COUNT',
            50,
          )) as [string, [string, string[]][]];
          await handleEntries(held(claimed[1] ?? []));
          const read = (await conn.xreadgroup(
            'GROUP',
            group,
            consumer,
            'COUNT',
            50,
            'BLOCK',
            this.options.blockMs ?? 1_000,
            'STREAMS',
            key,
            '>',
          )) as [string, [string, string[]][]][] | null;
          for (const [, entries] of read ?? []) await handleEntries(held(entries));
        } catch (error) {
          if (!running) break;
          if (error instanceof Error && error.message.startsWith('NOGROUP')) {
            // The stream or the group is gone (Redis lost its data): recreate them and carry on at once.
            this.logger.warn('event consumer group missing; recreating it', { stream, group });
            groupReady = false;
            continue;
          }
          // Once per outage at warn level (Redis down fails every read until it is back), then at debug.
          if (failing) this.logger.debug('event consumer still failing', { stream, error });
          else this.logger.warn('event consumer error; retrying every second', { stream, error });
          failing = true;
          groupReady = false;
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
    };
    const done = loop();
    const handleObj: Consumer = {
      stop: async () => {
        running = false;
        conn.disconnect();
        await done.catch(() => undefined);
        this.#consumers.delete(handleObj);
      },
    };
    this.#consumers.add(handleObj);
    return handleObj;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#consumers].map((c) => c.stop()));
  }
}
