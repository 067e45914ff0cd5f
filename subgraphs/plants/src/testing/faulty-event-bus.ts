/** An event bus that fails on demand, for tests of what happens when a publish is lost after the commit. */
import type { Consumer, EventBus, EventHandler } from '@bloomzy/shared/messaging/event-bus';

export class FaultyEventBus implements EventBus {
  #failures = 0;

  constructor(private readonly inner: EventBus) {}

  /** Makes the next `count` publishes throw (as a Redis outage would) instead of delivering. */
  failNext(count = 1): void {
    this.#failures += count;
  }

  async publish(stream: string, event: object): Promise<void> {
    if (this.#failures > 0) {
      this.#failures--;
      throw new Error('injected publish failure');
    }
    await this.inner.publish(stream, event);
  }

  consume<T>(stream: string, group: string, handler: EventHandler<T>): Consumer {
    return this.inner.consume(stream, group, handler);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
