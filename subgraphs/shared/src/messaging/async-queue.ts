/**
 * An unbounded async queue: producers `push`, one consumer pulls with `next()` (or `for await`). Used for pub/sub
 * subscriptions and on both sides of the router's federated subscriptions.
 *
 * Why not an `async function*`: graphql-ws stops a subscription by calling `return()` on it, and a native async
 * generator suspended in an `await` (waiting for the next upstream event) only honours `return()` once that await
 * settles — i.e. never, if no further event comes. The upstream subscription would then leak. Here `return()` takes
 * effect at once: pending `next()` calls resolve as done and the release callback runs exactly once.
 *
 * Why not @repeaterjs/repeater: it is bounded (past its buffer and 1024 pending pushes, `push` throws
 * RepeaterOverflowError) and expects producers to await backpressure, while ours are sockets and emitters that cannot
 * wait; and producers here read `ended` to know when to stop, which a Repeater does not expose.
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  readonly #items: T[] = [];
  readonly #waiters: ((result: IteratorResult<T, undefined>) => void)[] = [];
  #ended = false;
  #released = false;

  constructor(private readonly onRelease: () => void = () => {}) {}

  /** Whether the producer may stop pushing: the consumer left or the producer ended the stream. */
  get ended(): boolean {
    return this.#ended;
  }

  push(item: T): void {
    if (this.#ended) return;
    const waiter = this.#waiters.shift();
    if (waiter) waiter({ value: item, done: false });
    else this.#items.push(item);
  }

  /** Producer side: no more items, but those already buffered are still delivered (e.g. a final error). */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    for (const waiter of this.#waiters.splice(0)) waiter({ value: undefined, done: true });
    this.#release();
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#items.length > 0) return Promise.resolve({ value: this.#items.shift() as T, done: false });
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Consumer side: it wants nothing more, so buffered items are dropped. */
  return(): Promise<IteratorResult<T, undefined>> {
    this.#items.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #release(): void {
    if (this.#released) return;
    this.#released = true;
    this.onRelease();
  }
}
