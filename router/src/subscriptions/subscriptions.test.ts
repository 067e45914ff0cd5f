import { createClient, type Client, type FormattedExecutionResult, type SubscribePayload } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { compose, startRouter, type Router, type RouterContext } from '../testing/test-router.js';
import {
  startFrozenGraphqlWs,
  startNotesSubgraph,
  startUsersSubgraph,
  type NotesSubgraph,
} from '../testing/test-subgraphs.js';
import type { FederatedSubscriptionsOptions } from './index.js';

interface Stack {
  users: Awaited<ReturnType<typeof startUsersSubgraph>>;
  notes: NotesSubgraph;
  router: Router;
  client(authorization?: string): Client;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  // Reverse order: clients, then router, then subgraphs. Each stop is idempotent enough to survive a test that
  // already stopped a server itself.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startStack(routerOptions: Partial<FederatedSubscriptionsOptions<RouterContext>> = {}): Promise<Stack> {
  const users = await startUsersSubgraph();
  cleanups.push(() => users.stop());
  const notes = await startNotesSubgraph();
  let notesStopped = false;
  const stopNotes = notes.stop.bind(notes);
  notes.stop = async () => {
    if (notesStopped) return;
    notesStopped = true;
    await stopNotes();
  };
  cleanups.push(() => notes.stop());
  const router = await startRouter(compose({ users: users.url, notes: notes.url }), routerOptions);
  cleanups.push(() => router.stop());
  return {
    users,
    notes,
    router,
    client(authorization = 'Bearer alice') {
      const client = createClient({
        url: router.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization },
        retryAttempts: 0,
        onNonLazyError: () => {},
      });
      cleanups.push(() => client.dispose());
      return client;
    },
  };
}

/** A client subscription recorded for assertions. */
function record(client: Client, payload: SubscribePayload) {
  const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  let settle: (outcome: { error?: unknown }) => void = () => {};
  const ended = new Promise<{ error?: unknown }>((resolve) => (settle = resolve));
  const unsubscribe = client.subscribe(payload, {
    next: (result) => results.push(result),
    error: (error) => settle({ error }),
    complete: () => settle({}),
  });
  return { results, ended, unsubscribe };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const NOTE_ADDED = 'subscription { noteAdded { id text author { id name } } }';

describe('federated subscriptions over graphql-ws', () => {
  it('resolves every event across subgraphs (author from users over HTTP)', async () => {
    const { notes, client } = await startStack();
    const sub = record(client(), { query: NOTE_ADDED });
    await waitFor(() => notes.openSubscriptions === 1, 'the upstream subscription');

    notes.publish({ id: 'n1', text: 'water the fern', authorId: 'u1' });
    notes.publish({ id: 'n2', text: 'repot the cactus', authorId: 'u2' });
    await waitFor(() => sub.results.length === 2, 'two events');

    expect(sub.results).toEqual([
      { data: { noteAdded: { id: 'n1', text: 'water the fern', author: { id: 'u1', name: 'Ada' } } } },
      { data: { noteAdded: { id: 'n2', text: 'repot the cactus', author: { id: 'u2', name: 'Grace' } } } },
    ]);
  });

  it('shapes results like the selection: aliases, fragments, __typename, variables, @include', async () => {
    const { notes, client } = await startStack();
    const sub = record(client(), {
      query: `
        subscription OnNote($author: ID, $withText: Boolean!) {
          added: noteAdded(authorId: $author) {
            __typename
            ...NoteKey
            body: text @include(if: $withText)
            writer: author { ... on User { displayName: name id } }
          }
        }
        fragment NoteKey on Note { noteId: id }`,
      operationName: 'OnNote',
      variables: { author: 'u2', withText: true },
    });
    await waitFor(() => notes.openSubscriptions === 1, 'the upstream subscription');

    notes.publish({ id: 'n1', text: 'not for this subscriber', authorId: 'u1' });
    notes.publish({ id: 'n2', text: 'mist the orchid', authorId: 'u2' });
    await waitFor(() => sub.results.length === 1, 'one event');

    // Compared as JSON to check key order too: responses follow the order of the selection.
    expect(JSON.stringify(sub.results[0])).toBe(
      JSON.stringify({
        data: {
          added: {
            __typename: 'Note',
            noteId: 'n2',
            body: 'mist the orchid',
            writer: { displayName: 'Grace', id: 'u2' },
          },
        },
      }),
    );
  });

  it('passes errors of an upstream event through and keeps the subscription alive', async () => {
    const { notes, client } = await startStack();
    const sub = record(client(), { query: 'subscription { noteAdded { id mood author { name } } }' });
    await waitFor(() => notes.openSubscriptions === 1, 'the upstream subscription');

    notes.publish({ id: 'n1', text: 'boom', authorId: 'u1' });
    notes.publish({ id: 'n2', text: 'fine', authorId: 'u2' });
    await waitFor(() => sub.results.length === 2, 'two events');

    expect(sub.results[0]?.data).toEqual({ noteAdded: { id: 'n1', mood: null, author: { name: 'Ada' } } });
    expect(sub.results[0]?.errors).toMatchObject([
      { message: 'mood sensor exploded', path: ['noteAdded', 'mood'], extensions: { serviceName: 'notes' } },
    ]);
    expect(sub.results[1]).toEqual({ data: { noteAdded: { id: 'n2', mood: 'calm', author: { name: 'Grace' } } } });
  });

  it("forwards credentials: the subscriber's on its subscribe message upstream, headers on entity fetches", async () => {
    const { users, notes, client } = await startStack();
    const sub = record(client('Bearer alice'), { query: NOTE_ADDED });
    await waitFor(() => notes.openSubscriptions === 1, 'the upstream subscription');
    notes.publish({ id: 'n1', text: 'feed the monstera', authorId: 'u1' });
    await waitFor(() => sub.results.length === 1, 'one event');

    // The connection itself is the router's, shared by subscribers: nothing of alice's in its connection_init.
    expect(notes.connectionParams).toEqual([undefined]);
    expect(notes.subscribeExtensions).toEqual([{ authorization: 'Bearer alice' }]);
    expect(users.authorizations).toContain('Bearer alice');
  });

  it('sends upstreamHeaders on the upgrade request of the upstream connection', async () => {
    const { notes, client } = await startStack({ upstreamHeaders: (subgraph) => ({ 'x-bloomzy-service': subgraph }) });
    record(client(), { query: NOTE_ADDED });
    await waitFor(() => notes.openSubscriptions === 1, 'the upstream subscription');
    expect(notes.upgradeHeaders.map((headers) => headers['x-bloomzy-service'])).toEqual(['notes']);
  });

  it('releases the upstream subscription when the client completes or disconnects', async () => {
    const { notes, router, client } = await startStack();
    const ws = client();
    const first = record(ws, { query: NOTE_ADDED });
    record(ws, { query: 'subscription { noteAdded { id } }' });
    await waitFor(() => notes.openSubscriptions === 2, 'two upstream subscriptions');
    expect(router.subscriptions.activeSubscriptions).toBe(2);

    first.unsubscribe();
    await waitFor(() => notes.openSubscriptions === 1, 'the first upstream subscription to end');

    await ws.dispose();
    await waitFor(() => notes.openSubscriptions === 0, 'the second upstream subscription to end');
    await waitFor(() => router.subscriptions.activeSubscriptions === 0, 'the router to forget both');
    expect(notes.startedSubscriptions).toBe(2);
    // Upstream sockets are closed too: nothing left connected to the notes subgraph's WebSocket server.
    await waitFor(() => notes.openSockets === 0, 'the upstream sockets to close');
  });

  it('ends the client subscription with a visible error when the subgraph goes away', async () => {
    const { notes, client } = await startStack();
    const sub = record(client(), { query: NOTE_ADDED });
    await waitFor(() => notes.openSubscriptions === 1, 'the upstream subscription');
    notes.publish({ id: 'n1', text: 'prune the ficus', authorId: 'u1' });
    await waitFor(() => sub.results.length === 1, 'one event');

    await notes.stop();
    const outcome = await sub.ended;

    expect(outcome).toEqual({});
    expect(sub.results).toHaveLength(2);
    expect(sub.results[1]?.errors?.[0]?.message).toMatch(/connection to subgraph "notes" closed/);
    expect(sub.results[1]?.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBSCRIPTION_UPSTREAM_FAILED',
      serviceName: 'notes',
    });
  });

  it.each([
    { ack: true, options: { upstreamKeepAliveMs: 100 }, code: 4499 },
    { ack: false, options: { upstreamAckTimeoutMs: 100 }, code: 4504 },
  ])('does not hang on a subgraph that stopped answering (ack: $ack)', async ({ ack, options, code }) => {
    const frozen = await startFrozenGraphqlWs({ ack });
    cleanups.push(() => frozen.stop());
    const { client } = await startStack({ ...options, wsUrlFor: () => frozen.url });
    const sub = record(client(), { query: NOTE_ADDED });

    expect(await sub.ended).toEqual({});
    expect(sub.results).toMatchObject([
      {
        errors: [
          { message: expect.stringMatching(/connection to subgraph "notes" closed/), extensions: { closeCode: code } },
        ],
      },
    ]);
  });

  it('rejects invalid subscriptions with GraphQL errors, without subscribing upstream', async () => {
    const { notes, client } = await startStack();
    const ws = client();

    const unknownField = record(ws, { query: 'subscription { noteAdded { id nope } }' });
    const { error } = await unknownField.ended;
    expect(error).toMatchObject([{ message: 'Cannot query field "nope" on type "Note".' }]);

    const missingVariable = record(ws, { query: 'subscription ($a: ID!) { noteAdded(authorId: $a) { id } }' });
    expect(await missingVariable.ended).toEqual({});
    expect(missingVariable.results[0]?.errors?.[0]?.message).toMatch(
      /Variable "\$a" of required type "ID!" was not provided/,
    );

    expect(notes.startedSubscriptions).toBe(0);
  });

  it('serves queries over the same socket through the gateway, and leaves authentication to the router', async () => {
    const { notes, client } = await startStack();
    notes.publish({ id: 'n1', text: 'rotate the pothos', authorId: 'u2' });
    const query = record(client(), { query: '{ notes { id author { name } } }' });
    expect(await query.ended).toEqual({});
    expect(query.results).toEqual([{ data: { notes: [{ id: 'n1', author: { name: 'Grace' } }] } }]);

    const anonymous = record(client('not a bearer token'), { query: NOTE_ADDED });
    expect(await anonymous.ended).toMatchObject({ error: { code: 4403 } });
  });
});
