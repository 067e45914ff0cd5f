/**
 * A PubSub wrapper that counts live subscriptions per topic, so tests can wait until a graphql-ws subscriber is
 * really listening (instead of sleeping) and check that leaving releases the listener.
 */
import type { PubSub } from '@bloomzy/shared/messaging/pubsub';

export class ObservedPubSub implements PubSub {
  readonly #live = new Map<string, number>();
  constructor(private readonly inner: PubSub) {}

  publish(topic: string, payload: unknown): Promise<void> {
    return this.inner.publish(topic, payload);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    const source = this.inner.subscribe<T>(topic);
    this.#live.set(topic, this.subscribers(topic) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.#live.set(topic, this.subscribers(topic) - 1);
    };
    const iterator: AsyncIterableIterator<T> = {
      next: () => source.next(),
      return: async () => {
        release();
        return (await source.return?.()) ?? { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  subscribers(topic: string): number {
    return this.#live.get(topic) ?? 0;
  }

  /** Resolves once `topic` has exactly `count` live subscriptions; rejects after `timeoutMs`. */
  async waitForSubscribers(topic: string, count: number, timeoutMs = 3_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.subscribers(topic) !== count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} subscribers on ${topic}, have ${this.subscribers(topic)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
