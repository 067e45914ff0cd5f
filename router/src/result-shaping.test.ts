import { buildSchema, operationFromDocument, type FieldSelection } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computeResponse, gatewayResultShaping, useFastResultShaping } from './result-shaping.js';

const SCHEMA = buildSchema(`
  scalar DateTime
  enum Color { RED GREEN }
  interface Node { id: ID! }
  type User implements Node {
    id: ID!
    name: String
    age: Int!
    tags: [String!]
    friends: [User!]!
    color: Color
    best: User
    seen: DateTime
  }
  type Bot implements Node { id: ID! model: String score: Float }
  union Actor = User | Bot
  type Query {
    me: User
    node: Node
    actors: [Actor]
    grid: [[Int!]]!
    when: DateTime
    score: Float
    strict: User!
  }
`);

const OPERATIONS = [
  `{ me { id name age tags color seen best { id name } friends { id age } } }`,
  `{ me { ...U friends { ...U } } } fragment U on User { id name age color }`,
  `{ node { __typename id ... on User { name friends { id } } ... on Bot { model score } } }`,
  `{ actors { __typename ... on Node { id } ... on User { age best { age } } ... on Bot { model } } }`,
  `{ grid score when strict { id age friends { age } } }`,
  `{ kind: __typename me { t: __typename constructor: name __proto__: id toString: age hasOwnProperty: color } }`,
  `query ($s: Boolean!, $i: Boolean = true) { me { id @skip(if: $s) name @include(if: $i) age @skip(if: false) friends @include(if: $s) { id } } }`,
  `{ me { id best { id } best { name best { age } } } me { friends { id } friends { name } } }`,
  `{ __schema { queryType { name } } me { id } }`,
  `{ node { ... on Actor { __typename } ... on Bot { id } } strict { ... on Node { id } } }`,
];

/** A small deterministic PRNG, so a failure names a seed that reproduces it. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Data as subgraphs might send it: mostly valid, sometimes null, sometimes of the wrong kind or typename. */
function generate(rand: () => number) {
  const leaf: Record<string, () => unknown> = {
    ID: () => (rand() < 0.5 ? `id${Math.floor(rand() * 9)}` : Math.floor(rand() * 9)),
    String: () => (rand() < 0.9 ? `s${Math.floor(rand() * 9)}` : 7),
    Int: () => (rand() < 0.8 ? Math.floor(rand() * 90) : rand() < 0.5 ? 1.5 : 'x'),
    Float: () => (rand() < 0.9 ? rand() * 10 : true),
    Color: () => (rand() < 0.8 ? (rand() < 0.5 ? 'RED' : 'GREEN') : 'BLUE'),
    DateTime: () => (rand() < 0.5 ? '2026-01-01T00:00:00Z' : { any: 'thing' }),
    Boolean: () => rand() < 0.5,
  };
  const maybe = (make: () => unknown, nullChance = 0.12) => (rand() < nullChance ? null : make());
  const list = (make: () => unknown) => Array.from({ length: Math.floor(rand() * 4) }, make);
  const user = (depth: number): Record<string, unknown> => {
    const u: Record<string, unknown> = {
      id: leaf.ID!(),
      name: maybe(leaf.String!),
      age: maybe(leaf.Int!, 0.06),
      tags: maybe(() => list(() => maybe(leaf.String!, 0.05))),
      friends: depth > 2 ? [] : maybe(() => list(() => maybe(() => user(depth + 1), 0.05)), 0.04),
      color: maybe(leaf.Color!),
      best: depth > 2 ? null : maybe(() => user(depth + 1), 0.3),
      seen: maybe(leaf.DateTime!),
      constructor: maybe(leaf.String!),
    };
    const typename = rand();
    if (typename < 0.6) u.__typename = 'User';
    else if (typename < 0.65) u.__typename = 'Nope';
    return u;
  };
  const bot = () => ({ __typename: 'Bot', id: leaf.ID!(), model: maybe(leaf.String!), score: maybe(leaf.Float!) });
  const actor = () => (rand() < 0.5 ? { ...user(1), __typename: 'User' } : bot());
  return {
    me: maybe(() => user(0)),
    node: maybe(actor),
    actors: maybe(() => list(() => maybe(actor))),
    grid: maybe(() => list(() => maybe(() => list(() => maybe(leaf.Int!, 0.05)))), 0.05),
    when: maybe(leaf.DateTime!),
    score: maybe(leaf.Float!),
    strict: maybe(() => user(1), 0.05),
  };
}

const introspectionHandling = (selection: FieldSelection) => ({ handled: selection.element.responseName() });

type Outcome = { data: string; errors: { message: string; path: unknown }[] } | { threw: string };

function outcome(shape: typeof computeResponse, query: string, input: unknown, variables: Record<string, unknown>) {
  const operation = operationFromDocument(SCHEMA, parse(query), { validate: false });
  try {
    const { data, errors } = shape({
      operation,
      variables,
      input: input as Record<string, unknown>,
      introspectionHandling,
    });
    // Serialized, so that key order and own `__proto__`/`constructor` keys are compared as a client would see them.
    return { data: JSON.stringify(data), errors: errors.map((e) => ({ message: e.message, path: e.path })) } as Outcome;
  } catch (error) {
    return { threw: (error as Error).message } as Outcome;
  }
}

describe('result shaping', () => {
  const original = useFastResultShaping();

  it('is what @apollo/gateway shapes answers with once installed', () => {
    expect(gatewayResultShaping().computeResponse).toBe(computeResponse);
    expect(original).not.toBe(computeResponse);
    // Installing again changes nothing and still hands back the gateway's own function.
    expect(useFastResultShaping()).toBe(original);
  });

  it('gives the same data, key order and errors as @apollo/gateway for generated subgraph data', () => {
    let compared = 0;
    let withErrors = 0;
    let bubbled = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rand = random(seed);
      const input = generate(rand);
      const variables = { s: rand() < 0.5, ...(rand() < 0.5 ? { i: rand() < 0.5 } : {}) };
      for (const query of OPERATIONS) {
        const expected = outcome(original, query, structuredClone(input), variables);
        const actual = outcome(computeResponse, query, structuredClone(input), variables);
        expect(actual, `seed ${seed}: ${query}`).toEqual(expected);
        compared++;
        if ('errors' in expected && expected.errors.length) withErrors++;
        if ('data' in expected && expected.data === 'null') bubbled++;
      }
    }
    // The generator must exercise the error paths, not only the happy one.
    expect(compared).toBe(400 * OPERATIONS.length);
    expect(withErrors).toBeGreaterThan(500);
    expect(bubbled).toBeGreaterThan(20);
  });

  it('throws like the original when a skip variable is missing, and answers nothing for no data', () => {
    const query = `query ($s: Boolean!) { me { id @skip(if: $s) } }`;
    const input = { me: { id: '1' } };
    expect(outcome(computeResponse, query, input, {})).toEqual(outcome(original, query, input, {}));
    expect('threw' in outcome(computeResponse, query, input, {})).toBe(true);
    expect(outcome(computeResponse, query, null, {})).toEqual(outcome(original, query, null, {}));
  });

  it('answers with plain objects that keep `__proto__` and `constructor` as their own keys', () => {
    const operation = operationFromDocument(SCHEMA, parse(`{ me { __proto__: name constructor: id } }`));
    const { data } = computeResponse({
      operation,
      input: { me: JSON.parse('{"__proto__":"a","constructor":"b"}') as Record<string, unknown> },
      introspectionHandling,
    });
    const me = data!.me as Record<string, unknown>;
    expect(Object.getPrototypeOf(me)).toBe(Object.prototype);
    expect(Object.keys(me)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(data)).toBe('{"me":{"__proto__":"a","constructor":"b"}}');
  });
});
