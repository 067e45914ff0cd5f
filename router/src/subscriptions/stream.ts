/**
 * The client-facing side of one federated subscription: upstream items in, finished execution results out.
 *
 * Events are resolved one at a time, in arrival order (upstream keeps buffering meanwhile), so a client never sees
 * event N+1 before event N because its entity fetches happened to be faster. `return()` — client completed or
 * disconnected — releases the upstream at once, even while an event is being resolved; that result is dropped.
 */
import type { ExecutionResult } from 'graphql';
import type { AsyncQueue } from '@bloomzy/shared/messaging/async-queue';
import type { UpstreamEvent, UpstreamItem } from './upstream.js';

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

export class SubscriptionStream implements AsyncIterableIterator<ExecutionResult> {
  #closed = false;

  constructor(
    private readonly upstream: AsyncQueue<UpstreamItem>,
    /** An event's result: at once when it needs no fetch, which saves each of a burst's thousands a promise turn. */
    private readonly resolveEvent: (event: UpstreamEvent) => ExecutionResult | Promise<ExecutionResult>,
    private readonly onClose: () => void,
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    if (this.#closed) return DONE;
    const item = await this.upstream.next();
    if (item.done) return this.#close();
    if (this.#closed) return DONE;
    // A failure is the last item upstream sends: the client gets it as a result with errors, then completion.
    let value = item.value.kind === 'failure' ? { errors: [item.value.error] } : this.resolveEvent(item.value);
    if (value instanceof Promise) value = await value;
    if (this.#closed) return DONE;
    return { value, done: false };
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    return this.#close();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #close(): IteratorReturnResult<undefined> {
    if (!this.#closed) {
      this.#closed = true;
      void this.upstream.return();
      this.onClose();
    }
    return DONE;
  }
}
