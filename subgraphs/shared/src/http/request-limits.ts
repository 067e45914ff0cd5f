/**
 * The limits every service applies to what it is sent, in one place: the HTTP server enforces them (http-service.ts,
 * subgraph.ts) and the router checks what it sends a subgraph against them (router/src/gateway.ts), so a query plan
 * can never produce a request the subgraph would refuse as too large.
 */

/** Largest request body a service reads (fastify's `bodyLimit`): documents are small, anything larger is a mistake. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Lexical tokens a subgraph parses in one document. Generous: the router's query plans expand the client's fragments
 * (its own MAX_TOKENS bounds the client's document), but finite, so no document can make the parser recurse without
 * bound.
 */
export const SUBGRAPH_MAX_TOKENS = 100_000;

/**
 * Deepest nesting of braces, brackets and parentheses in a document any service accepts. graphql-js parses, validates
 * and executes by recursion, one or more frames per level, and overflows the call stack near 2000 levels (a 500, not
 * an answer). The router's MAX_DEPTH (default 15) is far below it; a document nesting deeper is refused whatever
 * MAX_DEPTH says.
 */
export const MAX_DOCUMENT_NESTING = 500;

/**
 * Fragment definitions in one document any service accepts. graphql-js validates fragment spreads by recursion, and a
 * chain of 4000 fragments overflows the call stack; an app's documents hold a few dozen.
 */
export const MAX_DOCUMENT_FRAGMENTS = 500;

/**
 * List literals nested in one another in any document. @apollo/federation-internals walks an inline list value twice
 * per level while planning (once as an array, once as an object), so a literal nested 40 deep in a custom-scalar
 * argument (the router's schema accepts any literal there) kept the router's CPU busy for minutes: 2^40 steps. No
 * argument of this API takes lists nested more than two deep.
 */
export const MAX_LIST_NESTING = 10;
