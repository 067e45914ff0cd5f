/**
 * Fire-and-forget fan-out for live subscriptions: every instance subscribed to a topic receives each message.
 * In-memory for one process (npm start); Redis pub/sub across instances, so a notification dispatched by any
 * instance reaches subscribers connected to any other.
 */
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
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

  /** `publisher` is a shared connection; a dedicated subscriber connection is duplicated from it. */
  constructor(
    private readonly publisher: Redis,
    private readonly prefix = 'bloomzy:pubsub:',
  ) {
    this.#subscriber = publisher.duplicate();
    this.#subscriber.on('message', (channel: string, message: string) => {
      const listeners = this.#listeners.get(channel.slice(this.prefix.length));
      if (!listeners) return;
      const parsed: unknown = JSON.parse(message);
      received(channel.slice(this.prefix.length), parsed, (payload) => {
        for (const listener of listeners) listener(payload);
      });
    });
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await traced(topic, payload, async (message) => {
      await this.publisher.publish(this.prefix + topic, JSON.stringify(message));
    });
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    let listeners = this.#listeners.get(topic);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(topic, listeners);
      void this.#subscriber.subscribe(this.prefix + topic);
    }
    const set = listeners;
    const listener = (payload: unknown) => queue.push(payload as T);
    const queue: AsyncQueue<T> = new AsyncQueue<T>(() => {
      set.delete(listener);
      if (set.size === 0) {
        this.#listeners.delete(topic);
        void this.#subscriber.unsubscribe(this.prefix + topic);
      }
    });
    set.add(listener);
    return queue;
  }

  /** Resolves once Redis confirmed every current subscription (tests publish right after subscribing). */
  async ready(): Promise<void> {
    await this.#subscriber.ping().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#subscriber.disconnect();
  }
}
