/**
 * Bounded concurrency for the dispatcher's per-notification work (webhooks): at most `limit` tasks run at once, the
 * rest wait in order. `settledTo(n)` lets the claim loop hold back until the backlog is small again, so a claimed
 * notification never waits longer than its lease allows (see leaseMsFor).
 */
export class Limiter {
  #active = 0;
  readonly #queue: (() => void)[] = [];
  readonly #waiters: { size: number; resolve: () => void }[] = [];

  constructor(readonly limit: number) {}

  /** Tasks running or waiting. */
  get size(): number {
    return this.#active + this.#queue.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next in line, so `size` never dips while one is handed over.
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#queue.push(resolve));
    else this.#active++;
    try {
      return await task();
    } finally {
      const next = this.#queue.shift();
      if (next) next();
      else this.#active--;
      this.#notify();
    }
  }

  /** Resolves once at most `size` tasks are running or waiting. */
  settledTo(size: number): Promise<void> {
    if (this.size <= size) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ size, resolve }));
  }

  #notify(): void {
    for (let i = this.#waiters.length - 1; i >= 0; i--) {
      const waiter = this.#waiters[i];
      if (waiter && this.size <= waiter.size) {
        this.#waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}
