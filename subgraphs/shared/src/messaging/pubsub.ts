/**
 * Fire-and-forget fan-out for live subscriptions: every instance subscribed to a topic receives each message.
 * In-memory for one process (npm start); Redis pub/sub across instances, so a notification dispatched by any
 * instance reaches subscribers connected to any other.
 */
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { AsyncQueue } from './async-queue.js';

export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Iterates messages on `topic` until the iterator's `return()` is called. */
  subscribe<T>(topic: string): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

export class MemoryPubSub implements PubSub {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: unknown): Promise<void> {
    // A JSON round trip gives subscribers the same shape Redis would (dates as strings, no shared references).
    this.#emitter.emit(topic, JSON.parse(JSON.stringify(payload)));
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    const listener = (payload: T) => queue.push(payload);
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
      const payload: unknown = JSON.parse(message);
      for (const listener of listeners) listener(payload);
    });
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + topic, JSON.stringify(payload));
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
