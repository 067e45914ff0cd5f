/**
 * Fire-and-forget fan-out for live subscriptions: every instance subscribed to a topic receives each message.
 * In-memory for one process (npm start); Redis pub/sub across instances, so a notification dispatched by any
 * instance reaches subscribers connected to any other.
 */
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { watchRedis } from '../deps/redis-client.js';
import type { Logger } from '../logger.js';
import { consumeMessage, produceMessage, type TraceCarrier } from '../telemetry/propagation.js';
import { AsyncQueue } from './async-queue.js';

export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Iterates messages on `topic` until the iterator's `return()` is called. */
  subscribe<T>(topic: string): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

/**
 * While tracing is on, a message travels in an envelope with its publisher's trace context, and its receipt is a span
 * linked to that trace (a reminder dispatched → pushed live); without tracing the message is the bare payload.
 */
const ENVELOPE = 'bloomzy:traced';
interface Envelope {
  [ENVELOPE]: TraceCarrier;
  payload: unknown;
}
const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' && message !== null && ENVELOPE in message;

/** The span name of a topic: its prefix (`notifications.user`), not the id that ends it. */
const topicKind = (topic: string) => topic.replace(/\.[^.]*$/, '');
const attributesOf = (topic: string, operation: 'send' | 'receive') => ({
  'messaging.system': 'bloomzy.pubsub',
  'messaging.operation.type': operation,
  'messaging.destination.name': topic,
});

/** Publishes `payload` within a PRODUCER span; the message is the envelope when there is a trace context to carry. */
const traced = (topic: string, payload: unknown, send: (message: unknown) => Promise<void>) =>
  produceMessage(`publish ${topicKind(topic)}`, attributesOf(topic, 'send'), (trace) =>
    send(Object.keys(trace).length ? ({ [ENVELOPE]: trace, payload } satisfies Envelope) : payload),
  );

/** Hands a received message's payload to `deliver`, within a span linked to its publisher's when it was traced. */
function received(topic: string, message: unknown, deliver: (payload: unknown) => void): void {
  if (!isEnvelope(message)) return deliver(message);
  void consumeMessage(`receive ${topicKind(topic)}`, attributesOf(topic, 'receive'), message[ENVELOPE], async () =>
    deliver(message.payload),
  );
}

export class MemoryPubSub implements PubSub {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: unknown): Promise<void> {
    // A JSON round trip gives subscribers the same shape Redis would (dates as strings, no shared references).
    await traced(
      topic,
      payload,
      async (message) => void this.#emitter.emit(topic, JSON.parse(JSON.stringify(message))),
    );
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    const listener = (message: unknown) => received(topic, message, (payload) => queue.push(payload as T));
    const queue: AsyncQueue<T> = new AsyncQueue<T>(() => this.#emitter.off(topic, listener));
    this.#emitter.on(topic, listener);
    return queue;
  }

  async close(): Promise<void> {
    this.#emitter.removeAllListeners();
  }
}

export class RedisPubSub implements PubSub {
  readonly #listeners = new Map<string, Set<(payload: unknown) => void>>();
  readonly #subscriber: Redis;
  /** Publishes queued in this turn of the event loop, sent together by `#flush`. */
  #queued: { channel: string; message: string; settle: (error: Error | null) => void }[] = [];

  /**
   * `publisher` is a shared connection; a dedicated subscriber connection is duplicated from it, and connected now.
   *
   * The subscriber has no ready check: ioredis sends its check (INFO) once connected, and a SUBSCRIBE queued while
   * the connection was being made could reach Redis first, after which INFO is refused ("Connection in subscriber
   * mode, only subscriber commands may be used") and the refusal surfaced as an unhandled error. It resubscribes by
   * itself whenever it is (re)connected, from the topics that have listeners now, so a SUBSCRIBE that failed during an
   * outage is made good when Redis returns.
   */
  constructor(
    private readonly publisher: Redis,
    private readonly prefix = 'bloomzy:pubsub:',
    private readonly logger?: Logger,
  ) {
    this.#subscriber = publisher.duplicate({
      enableOfflineQueue: true,
      enableReadyCheck: false,
      autoResubscribe: false,
    });
    if (logger) watchRedis(this.#subscriber, logger, 'subscriber');
    else this.#subscriber.on('error', () => undefined); // tests without a logger: errors are seen through their effects
    this.#subscriber.on('ready', () => {
      const channels = [...this.#listeners.keys()].map((topic) => this.prefix + topic);
      if (channels.length) this.#command(this.#subscriber.subscribe(...channels), 'resubscribing');
    });
    this.#subscriber.connect().catch(() => undefined); // retried by the client; errors reach the listener above
    this.#subscriber.on('message', (channel: string, message: string) => {
      const listeners = this.#listeners.get(channel.slice(this.prefix.length));
      if (!listeners) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message);
      } catch {
        // Thrown from this listener, it would end the process: whatever published it, it is not ours.
        this.logger?.warn('dropping a pub/sub message that is not JSON', { channel });
        return;
      }
      received(channel.slice(this.prefix.length), parsed, (payload) => {
        for (const listener of listeners) listener(payload);
      });
    });
  }

  /** A (un)subscription nobody awaits: a failure is logged, never an unhandled rejection that would end the process. */
  #command(pending: Promise<unknown>, what: string): void {
    pending.catch((error: unknown) => this.logger?.warn(`redis pub/sub ${what} failed`, { error }));
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await traced(topic, payload, (message) => this.#send(this.prefix + topic, JSON.stringify(message)));
  }

  /**
   * One PUBLISH, sent in an ioredis pipeline with every other one queued in the same turn: the dispatcher publishes a
   * whole batch (hundreds) at once, and one write per command was a syscall each — about a tenth of a dispatcher's
   * CPU in a burst. Order and per-message outcome are as with single commands.
   */
  #send(channel: string, message: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#queued.length === 0) process.nextTick(() => this.#flush());
      this.#queued.push({ channel, message, settle: (error) => (error ? reject(error) : resolve()) });
    });
  }

  #flush(): void {
    const batch = this.#queued;
    this.#queued = [];
    if (batch.length === 1) {
      const [{ channel, message, settle }] = batch as [(typeof batch)[number]];
      this.publisher.publish(channel, message).then(
        () => settle(null),
        (error: Error) => settle(error),
      );
      return;
    }
    const pipeline = this.publisher.pipeline();
    for (const { channel, message } of batch) pipeline.publish(channel, message);
    pipeline.exec().then(
      (results) => batch.forEach(({ settle }, i) => settle(results?.[i]?.[0] ?? null)),
      (error: Error) => batch.forEach(({ settle }) => settle(error)),
    );
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    let listeners = this.#listeners.get(topic);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(topic, listeners);
      this.#command(this.#subscriber.subscribe(this.prefix + topic), 'subscribe');
    }
    const set = listeners;
    const listener = (payload: unknown) => queue.push(payload as T);
    const queue: AsyncQueue<T> = new AsyncQueue<T>(() => {
      set.delete(listener);
      if (set.size === 0) {
        this.#listeners.delete(topic);
        this.#command(this.#subscriber.unsubscribe(this.prefix + topic), 'unsubscribe');
      }
    });
    set.add(listener);
    return queue;
  }

  /** Resolves once Redis confirmed every current subscription (tests publish right after subscribing). */
  async ready(): Promise<void> {
    await this.#subscriber.ping().catch(() => undefined);
  }

  /** Whether the subscriber connection is up (readiness). */
  get connected(): boolean {
    return this.#subscriber.status === 'ready';
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#subscriber.disconnect();
  }
}
