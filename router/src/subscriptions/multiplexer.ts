/**
 * Upstream subscriptions multiplexed over a few graphql-ws connections per subgraph.
 *
 * One socket per client subscription cost two file descriptors, a ping every 12 s and ~66 KB of router memory per
 * subscriber. Here a pool holds at most `connections` sockets per subgraph (opened on first use, closed when their
 * last subscription ends) and spreads subscriptions over them, least-loaded first. The connection itself carries only
 * the router's own credential (the upgrade headers); who a subscription is for travels with each subscribe message
 * (`extensions()`, signed by the router per subscription), so subscribers of different users can share a socket.
 *
 * When a socket is lost (closed, or a ping went unanswered), every subscription it carried is subscribed again on a
 * fresh connection, each with freshly built extensions (a signed identity lives a minute), after `reconnectDelayMs`.
 * Events published while the socket was down are not replayed (live push is at most once). When `reconnectAttempts`
 * consecutive attempts fail, the subgraph counts as gone: every subscription of the connection ends with an error.
 */
import { createClient, type Client } from 'graphql-ws';
import { AsyncQueue } from '@bloomzy/shared/messaging/async-queue';
import { upstreamError, withUpgradeHeaders, type UpstreamItem } from './upstream.js';

export interface UpstreamPoolOptions {
  readonly subgraph: string;
  /** graphql-ws URL of the subgraph. */
  readonly url: string;
  /** Most sockets to the subgraph; subscriptions are spread over them. */
  readonly connections: number;
  /** Headers of each upgrade request (e.g. the router's service credential), built per connection attempt. */
  readonly headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Ping interval, and how long a pong may take before the socket counts as lost (0 disables). */
  readonly keepAliveMs: number;
  /** How long the subgraph may take to acknowledge connection_init (0 waits forever). */
  readonly ackTimeoutMs: number;
  /** Consecutive failed reconnects after which the connection's subscriptions end with an error. */
  readonly reconnectAttempts: number;
  /** Wait before a reconnect, multiplied by the attempt number. */
  readonly reconnectDelayMs: number;
}

export interface UpstreamRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
  /** The subscribe message's `extensions`, built at every (re)subscribe. */
  readonly extensions: () => Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>;
}

interface MuxSubscription {
  readonly request: UpstreamRequest;
  readonly channel: AsyncQueue<UpstreamItem>;
  /** Completes it on the socket it currently runs on. */
  unsubscribe: () => void;
}

/** One socket's worth of subscriptions; the socket is replaced (and they resubscribed) when it is lost. */
class MuxConnection {
  readonly subscriptions = new Set<MuxSubscription>();
  #client: Promise<Client> | undefined;
  /** Bumped whenever the client is replaced: callbacks of an older client are ignored. */
  #generation = 0;
  #failures = 0;
  #pongTimeout: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;

  constructor(private readonly options: UpstreamPoolOptions) {}

  /** Whether a socket is open or being opened. */
  get connected(): boolean {
    return this.#client !== undefined;
  }

  add(subscription: MuxSubscription): void {
    this.subscriptions.add(subscription);
    if (!this.#retry) void this.#start(subscription);
  }

  remove(subscription: MuxSubscription): void {
    if (!this.subscriptions.delete(subscription)) return;
    subscription.unsubscribe();
    if (this.subscriptions.size === 0) this.#drop();
  }

  /** Closes the socket deliberately: its close is not a loss. */
  #drop(): void {
    this.#generation++;
    clearTimeout(this.#pongTimeout);
    clearTimeout(this.#retry);
    this.#retry = undefined;
    const client = this.#client;
    this.#client = undefined;
    // Not awaited: dispose waits for a connection attempt still in flight.
    void client?.then((c) => c.dispose()).catch(() => {});
  }

  async #start(subscription: MuxSubscription): Promise<void> {
    const generation = this.#generation;
    try {
      this.#client ??= this.#connect(generation);
      const client = await this.#client;
      const extensions = await subscription.request.extensions();
      if (generation !== this.#generation || !this.subscriptions.has(subscription)) return;
      const { query, operationName, variables } = subscription.request;
      subscription.unsubscribe = client.subscribe<Record<string, unknown>>(
        { query, operationName: operationName ?? null, variables, ...(extensions ? { extensions } : {}) },
        {
          next: (result) => {
            if (generation !== this.#generation) return;
            this.#failures = 0;
            subscription.channel.push({ kind: 'event', data: result.data, errors: result.errors });
          },
          error: (error) => {
            if (generation !== this.#generation) return;
            // An array: the subgraph refused this one operation. Anything else is the socket's end, for all of them.
            if (!Array.isArray(error)) return this.#lost(generation, error);
            this.#end(subscription, { kind: 'failure', error: upstreamError(this.options.subgraph, error) });
          },
          complete: () => {
            if (generation === this.#generation) this.#end(subscription);
          },
        },
      );
    } catch (error) {
      if (generation === this.#generation) this.#lost(generation, error);
    }
  }

  #end(subscription: MuxSubscription, failure?: UpstreamItem): void {
    if (!this.subscriptions.delete(subscription)) return;
    if (failure) subscription.channel.push(failure);
    subscription.channel.end();
    if (this.subscriptions.size === 0) this.#drop();
  }

  async #connect(generation: number): Promise<Client> {
    const { options } = this;
    const headers = (await options.headers?.()) ?? {};
    const client: Client = createClient({
      url: options.url,
      webSocketImpl: withUpgradeHeaders(headers),
      lazy: true,
      // Reconnecting is ours to do: graphql-ws would resubscribe with the old messages, whose identities expire.
      retryAttempts: 0,
      connectionAckWaitTimeout: options.ackTimeoutMs,
      keepAlive: options.keepAliveMs,
      on: {
        // A host that vanished without closing TCP would otherwise leave every subscription silently hanging.
        ping: (received) => {
          if (received || options.keepAliveMs <= 0 || generation !== this.#generation) return;
          clearTimeout(this.#pongTimeout);
          this.#pongTimeout = setTimeout(() => client.terminate(), options.keepAliveMs);
        },
        // A pong, not the ack, shows the socket is healthy again: a subgraph that acknowledges and then stops
        // answering would otherwise be reconnected to forever.
        pong: (received) => {
          if (!received || generation !== this.#generation) return;
          clearTimeout(this.#pongTimeout);
          this.#failures = 0;
        },
        closed: (event) => this.#lost(generation, event),
      },
    });
    return client;
  }

  /** The socket of `generation` is gone: resubscribe everything on a new one, or give up after too many tries. */
  #lost(generation: number, reason: unknown): void {
    if (generation !== this.#generation) return;
    this.#drop();
    if (this.subscriptions.size === 0) return;
    if (this.#failures >= this.options.reconnectAttempts) {
      this.#failures = 0;
      const failure: UpstreamItem = { kind: 'failure', error: upstreamError(this.options.subgraph, reason) };
      for (const subscription of [...this.subscriptions]) this.#end(subscription, failure);
      return;
    }
    this.#failures++;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      for (const subscription of this.subscriptions) void this.#start(subscription);
    }, this.options.reconnectDelayMs * this.#failures);
  }

  dispose(): void {
    for (const subscription of [...this.subscriptions]) this.#end(subscription);
    this.#drop();
  }
}

/** The sockets to one subgraph URL and the subscriptions they carry. */
export class UpstreamPool {
  readonly #connections: MuxConnection[];

  constructor(options: UpstreamPoolOptions) {
    this.#connections = Array.from({ length: Math.max(1, options.connections) }, () => new MuxConnection(options));
  }

  /** Subscribes upstream; releasing the channel (`return()`) unsubscribes. */
  subscribe(request: UpstreamRequest): AsyncQueue<UpstreamItem> {
    // Least loaded: N subscriptions end up spread evenly over the pool's sockets.
    const connection = this.#connections.reduce((best, candidate) =>
      candidate.subscriptions.size < best.subscriptions.size ? candidate : best,
    );
    const subscription: MuxSubscription = {
      request,
      channel: new AsyncQueue<UpstreamItem>(() => connection.remove(subscription)),
      unsubscribe: () => {},
    };
    connection.add(subscription);
    return subscription.channel;
  }

  /** Subscriptions carried, for metrics and tests. */
  get subscriptions(): number {
    return this.#connections.reduce((sum, connection) => sum + connection.subscriptions.size, 0);
  }

  /** Sockets open or being opened. */
  get sockets(): number {
    return this.#connections.filter((connection) => connection.connected).length;
  }

  dispose(): void {
    for (const connection of this.#connections) connection.dispose();
  }
}
