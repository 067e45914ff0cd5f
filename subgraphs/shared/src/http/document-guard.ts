/**
 * Refuses, before anything parses it, a GraphQL document graphql-js could only answer by overflowing the call stack:
 * nesting deeper than MAX_DOCUMENT_NESTING (parsing recurses per level) or more than MAX_DOCUMENT_FRAGMENTS fragment
 * definitions (validation recurses along fragment spreads), and list literals nested deeper than MAX_LIST_NESTING (the
 * router's query planner walks them in exponential time). All are read from the tokens, without recursion, and at
 * most `maxTokens` of them: the parser itself stops there. Every service's /graphql runs it (graphql-route.ts), the
 * router's graphql-ws path too (router/src/plugins/operation-limits.ts).
 */
import type { preHandlerAsyncHookHandler } from 'fastify';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { MAX_DOCUMENT_FRAGMENTS, MAX_DOCUMENT_NESTING, MAX_LIST_NESTING } from './request-limits.js';

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * The refusal of `source` (GRAPHQL_PARSE_FAILED for nesting, GRAPHQL_VALIDATION_FAILED for fragments, as the parser
 * and validator would say if they could), or undefined when it is within the limits. A document the lexer rejects is
 * the parser's to report.
 */
export function documentRefusal(source: string, maxTokens: number): GraphQLError | undefined {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  let lists = 0;
  let fragments = 0;
  try {
    for (let count = 0; count < maxTokens; count++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return undefined;
      if (OPENING.has(token.kind)) {
        if (++depth > MAX_DOCUMENT_NESTING) {
          return new GraphQLError(`Document nests deeper than ${MAX_DOCUMENT_NESTING} levels`, {
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          });
        }
        if (token.kind === TokenKind.BRACKET_L && ++lists > MAX_LIST_NESTING) {
          return new GraphQLError(`Document nests lists deeper than ${MAX_LIST_NESTING} levels`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          });
        }
      } else if (CLOSING.has(token.kind)) {
        depth--;
        if (token.kind === TokenKind.BRACKET_R) lists--;
      } else if (depth === 0 && token.kind === TokenKind.NAME && token.value === 'fragment') {
        if (++fragments > MAX_DOCUMENT_FRAGMENTS) {
          return new GraphQLError(`Document defines more than ${MAX_DOCUMENT_FRAGMENTS} fragments`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          });
        }
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The documents of a GET query string or a POST body (one operation or a batch). */
function documentsOf(input: unknown): string[] {
  const operations = Array.isArray(input) ? input : [input];
  return operations.flatMap((operation) => {
    const query = typeof operation === 'object' && operation !== null ? (operation as { query?: unknown }).query : '';
    return typeof query === 'string' ? [query] : [];
  });
}

/**
 * Accepted documents, so the router's recurring fetches are lexed once rather than on every request. Bounded in count
 * and in document size (memory stays small whatever clients send); emptied when full, which only costs a re-lex.
 */
const ACCEPTED_MAX = 500;
const ACCEPTED_MAX_LENGTH = 20_000;

/** A fastify preHandler that answers 400 with the refusal (a GraphQL error body) of a document over the limits. */
export function refuseUnsafeDocuments(maxTokens: number): preHandlerAsyncHookHandler {
  const accepted = new Set<string>();
  return async (request, reply) => {
    for (const source of documentsOf(request.method === 'GET' ? request.query : request.body)) {
      if (accepted.has(source)) continue;
      const refusal = documentRefusal(source, maxTokens);
      if (!refusal && source.length <= ACCEPTED_MAX_LENGTH) {
        if (accepted.size >= ACCEPTED_MAX) accepted.clear();
        accepted.add(source);
      }
      if (refusal) return reply.code(400).send({ errors: [refusal.toJSON()] });
    }
    return undefined;
  };
}
