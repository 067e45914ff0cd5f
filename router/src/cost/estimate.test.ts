import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
/** Static costs of representative operations over a small supergraph that declares @cost and @listSize. */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costModelOf } from './cost-model.js';
import { estimateCost } from './estimate.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
  type Query {
    shelf(id: ID!): Shelf
    shelves(first: Int = 5, after: String): ShelfConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
    featured: [Book!]! @listSize(assumedSize: 3)
    recent(limit: Int): [Book!]! @listSize(slicingArguments: ["limit"])
    search(filter: BookFilter): [Book!]!
    stats: Stats! @cost(weight: 20)
  }
  type Mutation {
    addBook(input: BookInput!): Book!
    removeBook(id: ID!): ID!
  }
  type ShelfConnection { edges: [ShelfEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type ShelfEdge { cursor: String! node: Shelf! }
  type PageInfo { hasNextPage: Boolean! }
  type Shelf @key(fields: "id") {
    id: ID!
    name: String!
    books(first: Int = 10): BookConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
  }
  type BookConnection { edges: [BookEdge!]! }
  type BookEdge { node: Book! }
  type Book @key(fields: "id") {
    id: ID!
    title: String!
    genre: Genre!
    review: Review @cost(weight: 4)
    latestReview: Review
  }
  type Review @cost(weight: 3) { stars: Int! }
  type Stats { books: Int! }
  enum Genre { NOVEL POETRY }
  input BookInput { title: String! genre: Genre }
  input BookFilter { text: String }
`);

const composed = composeServices([{ name: 'books', url: 'http://books.invalid/graphql', typeDefs }]);
if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
const model = costModelOf(Supergraph.build(composed.supergraphSdl));
const DEFAULT_LIST_SIZE = 50;

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  estimateCost(model, { document: parse(query), variables, operationName }, { defaultListSize: DEFAULT_LIST_SIZE });

describe('static operation cost', () => {
  it('charges 1 per object and nothing for scalars and enums', () => {
    expect(cost('{ shelf(id: "1") { id name } }')).toBe(1);
    expect(cost('{ featured { id title genre } }')).toBe(3);
  });

  it("sizes a connection's edges by `first`, its default when omitted, and leaves pageInfo and totals unmultiplied", () => {
    // shelves 1 + pageInfo 1 + edges 5 × (edge 1 + node 1)
    expect(cost('{ shelves { totalCount pageInfo { hasNextPage } edges { cursor node { name } } } }')).toBe(12);
    expect(cost('{ shelves(first: 2) { pageInfo { hasNextPage } edges { node { name } } } }')).toBe(6);
  });

  it('multiplies nested lists', () => {
    // shelves 1 + 4 × (edge 1 + node 1 + books (1 + 10 × (edge 1 + book 1)))
    expect(cost('{ shelves(first: 4) { edges { node { books(first: 10) { edges { node { title } } } } } } }')).toBe(93);
  });

  it('takes `first` from variables, the variable default or the argument default', () => {
    const query = 'query Page($n: Int) { shelves(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 7 })).toBe(1 + 7 * 2);
    expect(cost(query)).toBe(1 + 5 * 2);
    expect(cost('query Page($n: Int = 3) { shelves(first: $n) { edges { node { id } } } }')).toBe(1 + 3 * 2);
  });

  it('uses assumedSize, then the default list size when a list has no size of its own', () => {
    expect(cost('{ featured { title } }')).toBe(3);
    expect(cost('{ recent(limit: 2) { title } }')).toBe(2);
    expect(cost('{ recent { title } }')).toBe(DEFAULT_LIST_SIZE);
    expect(cost('{ search { title } }')).toBe(DEFAULT_LIST_SIZE);
  });

  it('applies @cost weights of fields and types', () => {
    expect(cost('{ stats { books } }')).toBe(20);
    // featured 3 × (book 1 + review (field weight 4) + latestReview (type weight 3))
    expect(cost('{ featured { review { stars } latestReview { stars } } }')).toBe(24);
  });

  it('adds 10 per root mutation field and 1 per input object argument', () => {
    expect(cost('mutation { addBook(input: { title: "Dune", genre: NOVEL }) { id } }')).toBe(10 + 1 + 1);
    expect(cost('mutation($input: BookInput!) { addBook(input: $input) { id } }', { input: { title: 'Dune' } })).toBe(
      12,
    );
    expect(cost('mutation { removeBook(id: "1") }')).toBe(10);
    expect(cost('{ search(filter: { text: "dune" }) { id } }')).toBe(DEFAULT_LIST_SIZE + 1);
  });

  it('adds up aliases', () => {
    expect(cost('{ a: featured { id } b: featured { id } c: stats { books } }')).toBe(3 + 3 + 20);
    expect(cost('mutation { a: removeBook(id: "1") b: removeBook(id: "2") }')).toBe(20);
  });

  it('costs fragments and inline fragments where they are spread, times the lists around them', () => {
    const fragment = 'fragment Card on Book { title review { stars } }';
    expect(cost(`{ featured { ...Card } } ${fragment}`)).toBe(3 * 5);
    expect(cost('{ featured { ... on Book { review { stars } } } }')).toBe(3 * 5);
    expect(cost(`{ featured { ...Card } recent(limit: 2) { ...Card } } ${fragment}`)).toBe(3 * 5 + 2 * 5);
    // The connection's size reaches its edges through a fragment too.
    expect(cost('{ shelves(first: 2) { ...Page } } fragment Page on ShelfConnection { edges { node { id } } }')).toBe(
      1 + 2 * 2,
    );
  });

  it('walks a fragment spread many times once', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^20 reviews per book, in a few milliseconds.
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Book { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ featured { ...F0 } } ${fragments.join(' ')} fragment F20 on Book { review { stars } }`;
    expect(cost(query)).toBe(3 * (1 + 4 * 2 ** 20));
  });

  it('charges nothing for skipped fields, __typename and introspection', () => {
    const query = 'query($skip: Boolean!) { featured @skip(if: $skip) { id } stats @include(if: false) { books } }';
    expect(cost(query, { skip: true })).toBe(0);
    expect(cost(query, { skip: false })).toBe(3);
    expect(cost('{ __typename featured { __typename } __schema { types { name fields { name } } } }')).toBe(3);
  });

  it('costs nesting deeper than any real operation as unbounded, without exhausting the stack', () => {
    const nested = (depth: number) => `{ ${'... on Query { '.repeat(depth)}featured { id }${' }'.repeat(depth)} }`;
    expect(cost(nested(900))).toBe(3);
    expect(cost(nested(1_500))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('costs the operation that is run', () => {
    const document = 'query Cheap { featured { id } } query Dear { stats { books } }';
    expect(cost(document, undefined, 'Cheap')).toBe(3);
    expect(cost(document, undefined, 'Dear')).toBe(20);
    expect(cost(document)).toBe(0);
  });
});
