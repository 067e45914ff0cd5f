/**
 * The four subgraphs of The Guild's federation gateway benchmark (graphql-hive/graphql-gateways-benchmark), rebuilt
 * from its public description with @apollo/subgraph: accounts (users), products (the top products), inventory (stock and
 * a shipping estimate that @requires price and weight) and reviews (reviews of products and users, whose author it
 * @provides with a username). Same data shape: 6 users, 9 products, 11 reviews over products 1–4, every review
 * written by user 1, and every user's `reviews` its first two reviews. Review bodies are filler text of the original's
 * lengths. Served in one process on one port (/accounts, /products, ...), counting requests and operations per
 * subgraph.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}
interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
interface Review {
  id: string;
  body: string;
  product: { upc: string };
}

const USERS: User[] = [
  ['Uri Goldshtein', 'urigo'],
  ['Dotan Simha', 'dotansimha'],
  ['Kamil Kisiela', 'kamilkisiela'],
  ['Arda Tanrikulu', 'ardatan'],
  ['Gil Gardosh', 'gilgardosh'],
  ['Laurin Quast', 'laurin'],
].map(([name, username], i) => ({ id: String(i + 1), name: name!, username: username!, birthday: 1234567890 }));

const PRODUCTS: Product[] = (
  [
    ['Table', 899, 100],
    ['Couch', 1299, 1000],
    ['Glass', 15, 20],
    ['Chair', 499, 100],
    ['TV', 1299, 1000],
    ['Lamp', 6999, 300],
    ['Grill', 3999, 2000],
    ['Fridge', 100000, 6000],
    ['Sofa', 9999, 800],
  ] as const
).map(([name, price, weight], i) => ({ upc: String(i + 1), name, price, weight }));

const IN_STOCK = [true, false, false, false, true, true, true, false, true];

const FILLER = 'The quick brown fox jumps over the lazy dog while the gardener waters the ferns by the window. ';
const body = (length: number) => FILLER.repeat(Math.ceil(length / FILLER.length)).slice(0, length);
const REVIEWS: Review[] = (
  [
    [1, 445],
    [1, 285],
    [1, 280],
    [1, 145],
    [2, 445],
    [2, 285],
    [2, 280],
    [2, 145],
    [3, 145],
    [4, 145],
    [4, 880],
  ] as const
).map(([upc, length], i) => ({ id: String(i + 1), body: body(length), product: { upc: String(upc) } }));

const byId = <T>(items: T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));
const usersById = byId(USERS, (u) => u.id);
const productsByUpc = byId(PRODUCTS, (p) => p.upc);
const reviewsById = byId(REVIEWS, (r) => r.id);

/** The data, for the expected answer (query.ts). */
export const DATA = { users: USERS, products: PRODUCTS, inStock: IN_STOCK, reviews: REVIEWS };

export const SUBGRAPHS = {
  accounts: {
    typeDefs: `${LINK}
      type Query { me: User  user(id: ID!): User  users: [User] }
      type User @key(fields: "id") { id: ID!  name: String  username: String @shareable  birthday: Int }`,
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: { id: string }) => usersById.get(id),
        users: () => USERS,
      },
      User: { __resolveReference: ({ id }: { id: string }) => usersById.get(id) },
    },
  },
  products: {
    typeDefs: `${LINK}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
    resolvers: {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first) },
      Product: { __resolveReference: ({ upc }: { upc: string }) => productsByUpc.get(upc) },
    },
  },
  inventory: {
    typeDefs: `${LINK}
      type Product @key(fields: "upc") {
        upc: String!  weight: Int @external  price: Int @external  inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ({
          ...ref,
          inStock: IN_STOCK[Number(ref.upc) - 1] ?? false,
        }),
        // Free above 1000, else half the weight.
        shippingEstimate: ({ price, weight }: { price?: number; weight?: number }) =>
          price === undefined ? null : price > 1000 ? 0 : weight === undefined ? null : Math.floor(weight / 2),
      },
    },
  },
  reviews: {
    typeDefs: `${LINK}
      type Review @key(fields: "id") { id: ID!  body: String  author: User @provides(fields: "username")  product: Product }
      type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
      type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: ({ id }: { id: string }) => reviewsById.get(id),
        author: () => ({ id: '1', username: 'urigo' }),
      },
      User: { __resolveReference: ({ id }: { id: string }) => ({ id }), reviews: () => REVIEWS.slice(0, 2) },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        reviews: ({ upc }: { upc: string }) => REVIEWS.filter((r) => r.product.upc === upc),
      },
    },
  },
} as const;

export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

/** HTTP requests and GraphQL operations (a batched request carries several) each subgraph answered. */
export type SubgraphCounts = Record<SubgraphName, { requests: number; operations: number }>;

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * A lean GraphQL executor per subgraph: documents parsed and validated once, then only executed, so that the
 * subgraphs cost little next to the gateways (the original's subgraphs are Rust for the same reason).
 */
function executor(schema: GraphQLSchema) {
  const documents = new Map<string, DocumentNode>();
  return async ({ query, variables, operationName }: Operation): Promise<unknown> => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      const errors = validate(schema, document);
      if (errors.length) return { errors };
      documents.set(query, document);
    }
    return execute({ schema, document, variableValues: variables ?? null, operationName: operationName ?? null });
  };
}

/**
 * Serves the four subgraphs on one port: POST /<name> is GraphQL (a JSON array is a batch of operations, answered
 * with an array, as Apollo Server's `allowBatchedHttpRequests`), GET /counts the counters as JSON. Resolves to the base
 * URL once listening.
 */
export async function serveSubgraphs(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const counts = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, { requests: 0, operations: 0 }]),
  ) as SubgraphCounts;
  const executors = new Map(
    SUBGRAPH_NAMES.map((name) => {
      const { typeDefs, resolvers } = SUBGRAPHS[name];
      return [name, executor(buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers: resolvers as never }]))];
    }),
  );
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const name = (req.url ?? '').slice(1) as SubgraphName;
    if (req.method === 'GET' && name === ('counts' as SubgraphName)) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
      return;
    }
    const run = executors.get(name);
    if (!run || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(await readBody(req)) as Operation | Operation[];
    // The Bloomzy router's readiness and health probes (`{ __typename }`) are not the benchmark's traffic.
    if (Array.isArray(body) || body.query !== '{ __typename }') {
      counts[name].requests++;
      counts[name].operations += Array.isArray(body) ? body.length : 1;
    }
    const result = Array.isArray(body) ? await Promise.all(body.map(run)) : await run(body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  };
  const http = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  http.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const { port: bound } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
