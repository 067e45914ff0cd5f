/**
 * An outbox whose writes fail on demand, for tests of what happens when a change's events are not written after its
 * commit (a database failure, or a crash in between): the plant stays unpublished and the reconciler writes it later.
 */
import type { Outbox, OutboxItem, OutboxSql } from '@bloomzy/shared/messaging/outbox';

export class FaultyOutbox implements Outbox {
  #failures = 0;

  constructor(private readonly inner: Outbox) {}

  /** Makes the next `count` writes throw (each rolls its transaction back) instead of writing. */
  failNext(count = 1): void {
    this.#failures += count;
  }

  async enqueue(tx: OutboxSql, stream: string, items: readonly OutboxItem[]): Promise<void> {
    if (this.#failures > 0) {
      this.#failures--;
      throw new Error('injected outbox write failure');
    }
    await this.inner.enqueue(tx, stream, items);
  }

  wake(): void {
    this.inner.wake();
  }
}
