/**
 * Operations run compiled keep graphql-js's answers: data, variables, errors with their codes and paths, null
 * propagation, serial mutations, and the operation a request names. Every request is sent twice: its first use runs
 * on graphql-js, its second compiled, and the two answers must be the same.
 */
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecutor, fixedSchemaGateway } from './compiled-execution.js';

const order: string[] = [];
let resolvedPlants = 0;
const typeDefs = parse(`
    type Plant { id: ID! nickname(upper: Boolean = false): String! secret: String! }
    type Query { plant(id: ID!): Plant plants(first: Int!): [Plant!]! }
    type Mutation { step(name: String!): String! }
`);
const resolvers = {
  Query: {
    plant: (_: unknown, { id }: { id: string }) => {
      if (id === 'missing') throw new GraphQLError('No such plant', { extensions: { code: 'NOT_FOUND' } });
      return { id, nickname: `fern ${id}` };
    },
    plants: (_: unknown, { first }: { first: number }) => {
      resolvedPlants++;
      return Array.from({ length: first }, (_x, i) => ({ id: String(i), nickname: `fern ${i}` }));
    },
  },
  Plant: {
    nickname: (plant: { nickname: string }, { upper }: { upper: boolean }) =>
      upper ? plant.nickname.toUpperCase() : plant.nickname,
    secret: () => {
      throw new Error('boom');
    },
  },
  Mutation: {
    step: async (_: unknown, { name }: { name: string }) => {
      // The first step answers last: mutations still run one after the other.
      await new Promise((resolve) => setTimeout(resolve, name === 'a' ? 20 : 0));
      order.push(name);
      return name;
    },
  },
};
const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);

let compiles = 0;
const countingCompile: typeof compileQuery = (...args) => (compiles++, compileQuery(...args));
const server = new ApolloServer({
  gateway: fixedSchemaGateway(schema, compiledExecutor(schema, { compile: countingCompile })),
});
beforeAll(() => server.start());
afterAll(() => server.stop());

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; locations?: unknown; extensions?: Record<string, unknown> }[];
};

async function once(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Answer> {
  const response = await server.executeOperation({
    query,
    ...(variables ? { variables } : {}),
    ...(operationName ? { operationName } : {}),
  });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return JSON.parse(JSON.stringify(response.body.singleResult)) as Answer;
}

/** An answer without its errors' locations, which compiled errors leave out (the router drops a subgraph's anyway). */
const withoutLocations = ({ errors, ...rest }: Answer): Answer => ({
  ...rest,
  ...(errors ? { errors: errors.map(({ locations: _locations, ...error }) => error) } : {}),
});

/** The request's first answer (graphql-js) and second (compiled) must agree; resolves with the compiled one. */
async function run(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const first = await once(query, variables, operationName);
  const second = await once(query, variables, operationName);
  expect(withoutLocations(second)).toEqual(withoutLocations(first));
  return second;
}

describe('compiled execution', () => {
  it('answers with variables and argument defaults as graphql-js does', async () => {
    const query = 'query($id: ID!, $up: Boolean) { plant(id: $id) { id nickname shout: nickname(upper: $up) } }';
    expect(await run(query, { id: '7', up: true })).toEqual({
      data: { plant: { id: '7', nickname: 'fern 7', shout: 'FERN 7' } },
    });
    expect(await run(query, { id: '8' })).toEqual({
      data: { plant: { id: '8', nickname: 'fern 8', shout: 'fern 8' } },
    });
  });

  it("keeps a resolver's error code and path, and nulls the nearest nullable parent", async () => {
    const missing = await run('{ plant(id: "missing") { id } }');
    expect(missing.data).toEqual({ plant: null });
    expect(missing.errors).toMatchObject([
      { message: 'No such plant', path: ['plant'], extensions: { code: 'NOT_FOUND' } },
    ]);
    const failing = await run('{ plant(id: "1") { id secret } }');
    expect(failing.data).toEqual({ plant: null });
    expect(failing.errors).toMatchObject([
      { path: ['plant', 'secret'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  });

  it('refuses variables of the wrong type before anything runs', async () => {
    const before = resolvedPlants;
    const result = await run('query($n: Int!) { plants(first: $n) { id } }', { n: 'many' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(resolvedPlants).toBe(before);
  });

  it('runs the operation the request names, each compiled on its own', async () => {
    const document = 'query One { plant(id: "1") { id } } query Two { plants(first: 2) { id } }';
    expect(await run(document, undefined, 'Two')).toEqual({ data: { plants: [{ id: '0' }, { id: '1' }] } });
    expect(await run(document, undefined, 'One')).toEqual({ data: { plant: { id: '1' } } });
  });

  it('runs mutation fields one after the other', async () => {
    order.length = 0;
    expect(await run('mutation { a: step(name: "a") b: step(name: "b") }')).toEqual({ data: { a: 'a', b: 'b' } });
    expect(order).toEqual(['a', 'b', 'a', 'b']);
  });

  it('compiles a document on its second use, once', async () => {
    const before = compiles;
    const query = '{ plants(first: 3) { nickname } }';
    await once(query);
    expect(compiles).toBe(before);
    await once(query);
    await once(query);
    expect(compiles).toBe(before + 1);
  });
});
