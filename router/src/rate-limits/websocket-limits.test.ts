/** graphql-ws limits in isolation: connection slots per client, subscription slots, and the request budget. */
import { EventEmitter } from 'node:events';
import { GraphQLError, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { Principal } from '@bloomzy/shared/auth/principal';
import { createLogger } from '@bloomzy/shared/logger';
import { createBudgets } from './budgets.js';
import { createWebSocketLimits, TOO_MANY_CONNECTIONS } from './websocket-limits.js';

const logger = createLogger({ service: 'test', level: 'silent' });
const principal = (userId: string): Principal => ({
  userId,
  role: 'USER',
  kind: 'session',
  sessionId: 's',
  scopes: null,
});
const connection = (userId: string) => ({ principal: principal(userId), credentials: {} });

/** Enough of a ws socket: open until closed, remembering how. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  closedWith: [number, string] | undefined;
  close(code: number, reason: string) {
    this.closedWith = [code, reason];
    this.readyState = 3;
    this.emit('close', code, reason);
  }
}
const socket = () => new FakeSocket() as FakeSocket & WebSocket;

const limitsWith = (maxConnectionsPerClient: number, maxSubscriptionsPerClient: number, requests = 100) =>
  createWebSocketLimits(
    { maxConnectionsPerClient, maxSubscriptionsPerClient },
    createBudgets({ windowSeconds: 10, requests, cost: 1_000, refusalDelayMs: 0 }),
    logger,
  );

/** A subscription source that yields nothing until returned, like a quiet live subscription. */
function quietStream(): AsyncIterableIterator<ExecutionResult> & { returned: boolean } {
  const stream = {
    returned: false,
    next: () => new Promise<IteratorResult<ExecutionResult>>(() => {}),
    return: async () => ((stream.returned = true), { done: true as const, value: undefined }),
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

const argsFor = (userId: string): ExecutionArgs => ({
  schema: undefined as never,
  document: parse('subscription { ping }'),
  contextValue: { client: { kind: 'user', key: `user:${userId}` } },
});

describe('WebSocket limits', () => {
  it('closes a connection over the per-client limit with 4429, and frees a slot when a socket closes', () => {
    const limits = limitsWith(2, 10);
    const [a, b, c] = [socket(), socket(), socket()];
    expect(limits.admitConnection(connection('u1'), '127.0.0.1', a)).toEqual({ kind: 'user', key: 'user:u1' });
    expect(limits.admitConnection(connection('u1'), '127.0.0.1', b)).not.toBeNull();
    expect(limits.admitConnection(connection('u1'), '127.0.0.1', c)).toBeNull();
    expect(c.closedWith).toEqual([TOO_MANY_CONNECTIONS, 'Too many connections: at most 2 per client']);
    expect(limits.admitConnection(connection('u2'), '127.0.0.1', socket())).not.toBeNull();
    a.close(1000, 'bye');
    expect(limits.admitConnection(connection('u1'), '127.0.0.1', socket())).not.toBeNull();
  });

  it('caps running subscriptions per client with a RATE_LIMITED error, until one ends', async () => {
    const limits = limitsWith(10, 2);
    const streams: ReturnType<typeof quietStream>[] = [];
    const subscribe = limits.limitSubscriptions(async () => {
      const stream = quietStream();
      streams.push(stream);
      return stream;
    });
    const first = (await subscribe(argsFor('u1'))) as AsyncIterableIterator<ExecutionResult>;
    await subscribe(argsFor('u1'));
    const refused = (await subscribe(argsFor('u1'))) as AsyncIterableIterator<ExecutionResult>;
    expect(streams).toHaveLength(2); // the refused one never reached a subgraph
    // graphql-ws turns a first next() that throws into an `error` message carrying the error's extensions.
    const error = await refused.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('RATE_LIMITED');
    expect((error as GraphQLError).message).toBe('Too many subscriptions: at most 2 at once per client');
    // Another client has its own slots; ending one (the client completes it) frees a slot.
    await subscribe(argsFor('u2'));
    await first.return?.();
    expect(streams[0]?.returned).toBe(true);
    await subscribe(argsFor('u1'));
    expect(streams).toHaveLength(4);
  });

  it('frees the slot of a subscription that failed to start', async () => {
    const limits = limitsWith(10, 1);
    const failing = limits.limitSubscriptions(async () => ({ errors: [new GraphQLError('no plan')] }));
    expect(await failing(argsFor('u1'))).toEqual({ errors: [expect.any(GraphQLError)] });
    const working = limits.limitSubscriptions(async () => quietStream());
    expect(Symbol.asyncIterator in (await working(argsFor('u1')))).toBe(true);
  });

  it('spends the request budget for every operation', async () => {
    const limits = limitsWith(10, 10, 2);
    const client = { kind: 'user' as const, key: 'user:u1' };
    expect(await limits.admitOperation(client)).toBeUndefined();
    expect(await limits.admitOperation(client)).toBeUndefined();
    const [error] = (await limits.admitOperation(client)) ?? [];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  });
});
