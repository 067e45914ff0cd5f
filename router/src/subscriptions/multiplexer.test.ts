import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServiceCredentials, type ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { compose, startRouter, type Router } from '../testing/test-router.js';
import { startNotesSubgraph, startUsersSubgraph, type NotesSubgraph } from '../testing/test-subgraphs.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const NOTE_ADDED = 'subscription { noteAdded { id text } }';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A router that signs each subscriber's identity (the user named in "Bearer <user>"); "mallory" forges hers. */
async function startStack(upstreamConnections: number): Promise<{ notes: NotesSubgraph; router: Router }> {
  const routerCredentials = createServiceCredentials({ secret: SECRET, issuer: 'router' });
  const forger = createServiceCredentials({ secret: 'not-the-shared-secret-but-as-long!!!', issuer: 'router' });
  const users = await startUsersSubgraph();
  cleanups.push(() => users.stop());
  const notes = await startNotesSubgraph({ credentials: createServiceCredentials({ secret: SECRET, issuer: 'x' }) });
  cleanups.push(() => notes.stop());
  const sign = (credentials: ServiceCredentials, subgraph: string, userId: string) =>
    credentials.signIdentity(subgraph, {
      userId,
      role: 'USER',
      kind: 'session',
      sessionId: `s-${userId}`,
      scopes: null,
    });
  const router = await startRouter(compose({ users: users.url, notes: notes.url }), {
    upstreamConnections,
    upstreamReconnectDelayMs: 10,
    upstreamExtensions: async ({ authorization }, subgraph) => {
      const userId = authorization?.replace(/^Bearer /, '') ?? '';
      return { identity: await sign(userId === 'mallory' ? forger : routerCredentials, subgraph, userId) };
    },
  });
  cleanups.push(() => router.stop());
  return { notes, router };
}

function subscriber(router: Router, user: string) {
  const client: Client = createClient({
    url: router.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${user}` },
    retryAttempts: 0,
    onNonLazyError: () => {},
  });
  cleanups.push(() => client.dispose());
  const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  client.subscribe(
    { query: NOTE_ADDED },
    { next: (result) => results.push(result), error: () => {}, complete: () => {} },
  );
  return results;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('upstream subscriptions multiplexed over a few sockets', () => {
  it('carries many users’ subscriptions on one socket, each verified by the subgraph as its own user', async () => {
    const { notes, router } = await startStack(1);
    const users = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const received = users.map((user) => subscriber(router, user));
    await waitFor(() => notes.openSubscriptions === users.length, 'every upstream subscription');

    expect(notes.openSockets).toBe(1);
    expect(router.subscriptions.upstreamSockets).toBe(1);
    expect(notes.verifiedSubscribers.sort()).toEqual([...users].sort());
    notes.publish({ id: 'n1', text: 'mist the fern', authorId: 'u1' });
    await waitFor(() => received.every((results) => results.length === 1), 'the event at every subscriber');
    expect(received.flat()).toEqual(users.map(() => ({ data: { noteAdded: { id: 'n1', text: 'mist the fern' } } })));
  });

  it('spreads subscriptions over at most the configured number of sockets', async () => {
    const { notes, router } = await startStack(3);
    for (let i = 0; i < 30; i++) subscriber(router, `user-${i}`);
    await waitFor(() => notes.openSubscriptions === 30, 'every upstream subscription');
    expect(notes.openSockets).toBe(3);
  });

  it('refuses a forged identity, and only that subscription: the others on the socket carry on', async () => {
    const { notes, router } = await startStack(1);
    const alice = subscriber(router, 'alice');
    const mallory = subscriber(router, 'mallory');
    await waitFor(() => mallory.length === 1, "mallory's refusal");
    await waitFor(() => notes.openSubscriptions === 1, "alice's upstream subscription");

    expect(mallory[0]?.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/rejected the subscription: no valid subscriber identity/),
      extensions: { code: 'SUBSCRIPTION_UPSTREAM_FAILED' },
    });
    expect(notes.verifiedSubscribers).toEqual(['alice']);
    notes.publish({ id: 'n1', text: 'repot the pilea', authorId: 'u1' });
    await waitFor(() => alice.length === 1, "alice's event");
    expect(mallory).toHaveLength(1);
  });

  it('resubscribes every subscription, with a fresh identity, when its upstream socket is lost', async () => {
    const { notes, router } = await startStack(1);
    const users = ['alice', 'bob', 'carol'];
    const received = users.map((user) => subscriber(router, user));
    await waitFor(() => notes.openSubscriptions === 3, 'three upstream subscriptions');

    notes.dropSockets();
    await waitFor(() => notes.startedSubscriptions === 6 && notes.openSubscriptions === 3, 'the resubscriptions');

    expect(notes.openSockets).toBe(1);
    expect(notes.verifiedSubscribers.sort()).toEqual([...users, ...users].sort());
    notes.publish({ id: 'n2', text: 'after the blip', authorId: 'u1' });
    await waitFor(() => received.every((results) => results.length === 1), 'the event at every subscriber');
    expect(received.flat().every((result) => !result.errors)).toBe(true);
  });
});
