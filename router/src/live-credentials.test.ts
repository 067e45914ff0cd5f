/** Live connections end when their credential does: pushed revocations, checks before each event, token expiry. */
import { EventEmitter } from 'node:events';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { UnsecuredJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MemoryRevocationStore, RevocationListIncomplete } from '@bloomzy/shared/auth/revocations';
import { createLogger } from '@bloomzy/shared/logger';
import { AsyncQueue } from '@bloomzy/shared/messaging/async-queue';
import { createLiveCredentials, type LiveCredentials } from './live-credentials.js';

const logger = createLogger({ service: 'test', level: 'error' });

class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  closedWith: { code: number; reason: string; at: number } | undefined;
  close(code: number, reason: string) {
    this.closedWith = { code, reason, at: Date.now() };
    this.readyState = 3;
    this.emit('close', code, reason);
  }
}

const tokenExpiringIn = (seconds: number) => ({
  authorization: `Bearer ${new UnsecuredJWT({ sid: 's' }).setExpirationTime(Math.floor(Date.now() / 1000) + seconds).encode()}`,
});

const until = async (ok: () => boolean, timeoutMs = 2_000) => {
  const end = Date.now() + timeoutMs;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
};

let live: LiveCredentials | undefined;
afterEach(() => live?.dispose());

/** A subscription whose events the test pushes, guarded for the connection `socket` was opened with. */
async function guardedSubscription(credentials: LiveCredentials, socket: FakeSocket, revocableId: string) {
  const connection = credentials.watch(socket as unknown as WebSocket, {}, revocableId);
  const source = new AsyncQueue<ExecutionResult>();
  const subscribe = credentials.guard(async () => source);
  const stream = (await subscribe({
    contextValue: { live: connection },
  } as unknown as ExecutionArgs)) as AsyncIterableIterator<ExecutionResult>;
  return { source, stream };
}

describe('live credentials', () => {
  it('closes every socket of a session with 4401 as soon as its revocation is pushed', async () => {
    const revocations = new MemoryRevocationStore();
    live = createLiveCredentials({ revocations, logger, sweepEveryMs: 60_000 });
    const [a, b, other] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    live.watch(a as unknown as WebSocket, {}, 'session-1');
    live.watch(b as unknown as WebSocket, {}, 'session-1');
    live.watch(other as unknown as WebSocket, {}, 'session-2');
    await revocations.revoke('session-1', 60);
    // The sweep runs once a minute, so a close within until()'s few seconds came from the push.
    await until(() => !!a.closedWith && !!b.closedWith);
    expect(a.closedWith).toMatchObject({ code: 4401 });
    expect(b.closedWith).toMatchObject({ code: 4401 });
    expect(other.closedWith).toBeUndefined();
  });

  it('withholds an event once the session is revoked, though the push never arrived', async () => {
    // The list the router reads is `elsewhere`'s, but pushes travel on another pub/sub: the router hears none.
    const revocations = new MemoryRevocationStore();
    const elsewhere = new MemoryRevocationStore();
    revocations.isRevoked = (id) => elsewhere.isRevoked(id);
    live = createLiveCredentials({ revocations, logger, sweepEveryMs: 60_000 });
    const socket = new FakeSocket();
    const { source, stream } = await guardedSubscription(live, socket, 'session-1');
    source.push({ data: { n: 1 } });
    expect(await stream.next()).toEqual({ done: false, value: { data: { n: 1 } } });
    await elsewhere.revoke('session-1', 60);
    source.push({ data: { n: 2 } });
    const next = stream.next();
    let settled: IteratorResult<ExecutionResult> | undefined;
    void next.then((r) => (settled = r));
    await until(() => !!socket.closedWith);
    expect(socket.closedWith).toMatchObject({ code: 4401 });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBeUndefined(); // held, never handed to graphql-ws
    await stream.return?.();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it('closes with 1013 (retried by clients) rather than deliver an event it cannot check', async () => {
    const revocations = new MemoryRevocationStore();
    revocations.isRevoked = async () => {
      throw new RevocationListIncomplete();
    };
    live = createLiveCredentials({ revocations, logger, sweepEveryMs: 60_000 });
    const socket = new FakeSocket();
    const { source, stream } = await guardedSubscription(live, socket, 'session-1');
    source.push({ data: { n: 1 } });
    void stream.next();
    await until(() => !!socket.closedWith);
    expect(socket.closedWith).toMatchObject({ code: 1013 });
  });

  it('closes with 4440, which graphql-ws retries, when the access token expires', async () => {
    live = createLiveCredentials({ revocations: new MemoryRevocationStore(), logger, sweepEveryMs: 60_000 });
    const socket = new FakeSocket();
    const connection = live.watch(socket as unknown as WebSocket, tokenExpiringIn(1), 'session-1');
    expect(connection.expiresAt).toBeGreaterThan(Date.now());
    await until(() => !!socket.closedWith, 3_000);
    expect(socket.closedWith).toMatchObject({ code: 4440, reason: 'TOKEN_EXPIRED' });
    expect(socket.closedWith!.at).toBeGreaterThanOrEqual(connection.expiresAt!);
  });

  it('keeps a connection renewed with a fresh token open past the old expiry, under its new session', async () => {
    const revocations = new MemoryRevocationStore();
    live = createLiveCredentials({ revocations, logger, sweepEveryMs: 60_000 });
    const socket = new FakeSocket();
    const connection = live.watch(socket as unknown as WebSocket, tokenExpiringIn(1), 'session-1');
    live.renew(connection, tokenExpiringIn(60), 'session-2');
    expect(connection.expiresAt).toBeGreaterThan(Date.now() + 30_000);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(socket.closedWith).toBeUndefined();
    await revocations.revoke('session-1', 60); // the old session no longer names this socket
    await new Promise((r) => setTimeout(r, 20));
    expect(socket.closedWith).toBeUndefined();
    await revocations.revoke('session-2', 60);
    await until(() => !!socket.closedWith);
    expect(socket.closedWith).toMatchObject({ code: 4401 });
  });

  it('finds a revocation whose push it missed on its next sweep', async () => {
    const revocations = new MemoryRevocationStore();
    const elsewhere = new MemoryRevocationStore();
    revocations.isRevoked = (id) => elsewhere.isRevoked(id);
    live = createLiveCredentials({ revocations, logger, sweepEveryMs: 50 });
    const socket = new FakeSocket();
    live.watch(socket as unknown as WebSocket, {}, 'session-1');
    await elsewhere.revoke('session-1', 60);
    await until(() => !!socket.closedWith);
    expect(socket.closedWith).toMatchObject({ code: 4401 });
  });
});
