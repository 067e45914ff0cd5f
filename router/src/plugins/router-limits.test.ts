/**
 * What the router does to operations and their errors, as a client meets it over HTTP and graphql-ws: operation
 * limits refused with OPERATION_LIMIT_EXCEEDED, at most MAX_ERRORS errors in a response, and no "Did you mean …?"
 * where introspection is off.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouterWithSubgraph, type RouterWithSubgraph } from '../testing/router-with-subgraph.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  enum Mood { CALM HAPPY }
  type Thing @key(fields: "id") { id: ID! name: String child: Thing }
  type Query { thing: Thing count(moods: [Mood!]): Int broken(count: Int!): [Int] }
  type Subscription { thingChanged: Thing moodChanged(moods: [Mood!]): Mood }
`);
const thing = (id: number) => ({ id: String(id), name: `thing ${id}` });
const resolvers = {
  Query: {
    thing: () => thing(1),
    count: (_: unknown, { moods }: { moods?: string[] }) => moods?.length ?? 0,
    // Every item an error of its own.
    broken: (_: unknown, { count }: { count: number }) => Array.from({ length: count }, () => new Error('broken')),
  },
  Thing: { child: ({ id }: { id: string }) => thing(Number(id) + 1) },
};

/** `thing { child { … { id } } }`, `depth` levels deep (from `root`). */
const nested = (depth: number, root = 'thing') =>
  `${root} { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} }`;
const INVALID_MOODS = Array.from({ length: 5000 }, () => 'SAD');

describe('the router with its default limits', () => {
  let router: RouterWithSubgraph;
  beforeAll(async () => {
    router = await startRouterWithSubgraph({ typeDefs, resolvers });
  });
  afterAll(() => router?.stop());

  it('serves ordinary operations over HTTP and graphql-ws', async () => {
    const query = `{ ${nested(15)} count(moods: [CALM]) }`;
    expect((await router.query(query)).errors).toBeUndefined();
    expect((await router.overWebSocket(query)).errors).toBeUndefined();
  });

  it('refuses an operation beyond a limit over HTTP (400) and graphql-ws, subscriptions included', async () => {
    const http = await router.query(`{ ${nested(16)} }`);
    expect(http.status).toBe(400);
    const refused = { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_DEPTH', max: 15 };
    expect(http.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining(refused) })]);
    expect(http.errors?.[0]?.message).toBe('Query depth limit of 15 exceeded, found 16 (MAX_DEPTH).');
    for (const query of [`{ ${nested(16)} }`, `subscription { ${nested(16, 'thingChanged')} }`]) {
      const ws = await router.overWebSocket(query);
      expect(ws.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining(refused) })]);
    }
  });

  it('refuses a document over the token limit before parsing it, over HTTP and graphql-ws', async () => {
    const long = `{ thing { ${'id '.repeat(2000)}} }`;
    const refused = { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_TOKENS', max: 2000 };
    const http = await router.query(long);
    expect(http.status).toBe(400);
    expect(http.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining(refused) })]);
    for (const query of [long, `subscription { thingChanged { ${'id '.repeat(2000)}} }`]) {
      expect((await router.overWebSocket(query)).errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining(refused) }),
      ]);
    }
  });

  it('answers at most 100 errors and one counting the rest', async () => {
    const response = await router.query('{ broken(count: 150) }');
    expect(response.errors).toHaveLength(101);
    expect(response.errors?.[100]).toEqual({
      message: '50 more errors left out (MAX_ERRORS).',
      // Every error over HTTP names its request (plugins/request-id.ts).
      extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_ERRORS', max: 100, requestId: expect.any(String) },
    });
    expect((await router.overWebSocket('{ broken(count: 150) }')).errors).toHaveLength(101);
    expect((await router.query('{ broken(count: 100) }')).errors).toHaveLength(100);
  });

  it('refuses 5000 invalid enum values with one error, over HTTP and graphql-ws', async () => {
    const query = 'query($moods: [Mood!]) { count(moods: $moods) }';
    const refused = { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_ERRORS', max: 100 };
    const http = await router.query(query, { moods: INVALID_MOODS });
    expect(http.status).toBe(400);
    expect(http.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining(refused) })]);
    expect(http.errors?.[0]?.message).toMatch(/^More than 100 errors in the variables \(MAX_ERRORS\); the first: /);
    const ws = await router.overWebSocket(query, { moods: INVALID_MOODS });
    expect(ws.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining(refused) })]);
    // A few are reported one by one, as before.
    expect((await router.query(query, { moods: ['SAD', 'CALM', 'GLAD'] })).errors).toHaveLength(2);
    // The subscription engine coerces subscriptions' variables itself, and stops at the limit.
    const subscription = 'subscription($moods: [Mood!]) { moodChanged(moods: $moods) }';
    const errors = (await router.overWebSocket(subscription, { moods: INVALID_MOODS })).errors ?? [];
    expect(errors.length).toBeGreaterThan(1);
    expect(errors.length).toBeLessThanOrEqual(101);
  });

  it('suggests what the client may have meant while introspection is on', async () => {
    expect((await router.query('{ thing { nam } }')).errors?.[0]?.message).toContain('Did you mean "name"?');
  });
});

describe('the router with introspection off', () => {
  let router: RouterWithSubgraph;
  beforeAll(async () => {
    router = await startRouterWithSubgraph({ typeDefs, resolvers, env: { INTROSPECTION: 'false' } });
  });
  afterAll(() => router?.stop());

  it('suggests no field, argument or enum value, over HTTP and graphql-ws', async () => {
    const responses = [
      await router.query('{ thing { nam } }'),
      await router.query('{ count(mods: [CALM]) }'),
      await router.query('query($moods: [Mood!]) { count(moods: $moods) }', { moods: ['CALMM'] }),
      await router.overWebSocket('subscription { thingChanged { nam } }'),
      await router.overWebSocket('subscription($moods: [Mood!]) { moodChanged(moods: $moods) }', {
        moods: ['CALMM'],
      }),
    ];
    for (const response of responses) {
      expect(response.errors?.length).toBe(1);
      expect(response.errors?.[0]?.message).not.toMatch(/Did you mean|"name"|"moods"|"CALM"/);
    }
  });
});
