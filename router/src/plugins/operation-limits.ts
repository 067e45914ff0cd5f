/**
 * Operation limits: depth, aliases, root fields, tokens and directives, checked before the gateway plans anything.
 * Tokens are counted while the document is parsed (graphql-js stops reading at the limit, so a huge document costs no
 * more than a long one); the others are validation rules — graphql-armor's max-depth, max-aliases and
 * max-directives, and our max-root-fields — run in the same pass as graphql's own. A refusal is an
 * OPERATION_LIMIT_EXCEEDED error naming the limit's variable (`extensions.limit`) and value (`extensions.max`).
 *
 * The same checks guard graphql-ws (websocket.ts): `refuseLongDocument` before graphql-ws parses, and the rules in
 * the subscription engine's validation.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  Lexer,
  Source,
  TokenKind,
  type GraphQLError,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { operationLimitExceeded } from '@bloomzy/shared/errors';
import { documentRefusal } from '@bloomzy/shared/http/document-guard';
import { maxRootFieldsRule } from './max-root-fields.js';

/** The most one operation may ask for; each is set by the router variable of the same name (MAX_DEPTH, ...). */
export interface OperationLimits {
  /** Deepest nesting of fields; fragments add no level, and introspection counts like any other query. */
  maxDepth: number;
  /** Aliases in one operation, those in its fragments included. */
  maxAliases: number;
  /** Fields at the root of one operation (each is planned and fetched on its own). */
  maxRootFields: number;
  /** Lexical tokens of the whole document (names, punctuation, values; not comments). */
  maxTokens: number;
  /** Directives in one operation, those in its fragments included. */
  maxDirectives: number;
}

/** Apollo Server's share: its constructor's `parseOptions` and `validationRules`, and a plugin. */
interface ApolloOperationLimits {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugin: ApolloServerPlugin;
}

const refusal = (limit: string, max: number, found: string) =>
  operationLimitExceeded(limit, max, `${found} (${limit}).`);

/**
 * graphql-armor's rules report through `onReject` with a message saying what they found ("Aliases limit of 30
 * exceeded, found 1000."); we report our own error with that text, minus armor's misleading "Syntax Error: " prefix.
 */
function armorOptions(limit: string, n: number) {
  const onReject = (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(refusal(limit, n, error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '')));
  return { n, propagateOnRejection: false, onReject: [onReject] };
}

/** The validation rules of every limit but tokens; both Apollo Server and the subscription engine run them. */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const { maxRootFields } = limits;
  return [
    // flattenFragments: depth is field nesting, however the client splits it into fragments. Introspection is not
    // exempt: its `__Type.fields.type.fields…` cycle grows as fast as any; Sandbox's own query is 15 deep.
    maxDepthRule({ ...armorOptions('MAX_DEPTH', limits.maxDepth), flattenFragments: true, ignoreIntrospection: false }),
    maxAliasesRule(armorOptions('MAX_ALIASES', limits.maxAliases)),
    maxDirectivesRule(armorOptions('MAX_DIRECTIVES', limits.maxDirectives)),
    maxRootFieldsRule(maxRootFields, (context, found) =>
      context.reportError(
        refusal('MAX_ROOT_FIELDS', maxRootFields, `Root fields limit of ${maxRootFields} exceeded, found ${found}`),
      ),
    ),
  ];
}

/**
 * Where graphql-js stops parsing `source` under `maxTokens`: the offset of its token number maxTokens + 1, or
 * undefined when it has fewer tokens (or one the lexer rejects: that is the parser's error to report). Reads at most
 * maxTokens + 1 tokens, like the parser.
 */
function tokenLimitOffset(source: string, maxTokens: number): number | undefined {
  const lexer = new Lexer(new Source(source));
  try {
    for (let count = 0; count <= maxTokens; count++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return undefined;
      if (count === maxTokens) return token.start;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

const tokenRefusal = (maxTokens: number) =>
  refusal('MAX_TOKENS', maxTokens, `Token limit of ${maxTokens} exceeded, parsing stopped`);

/**
 * For graphql-ws' `onSubscribe`: the refusal of a document over the token limit, or nesting or defining fragments
 * beyond what graphql-js can parse and validate without overflowing its stack (as HTTP's document guard), before
 * graphql-ws parses it.
 */
export function refuseLongDocument(limits: OperationLimits, source: string): GraphQLError[] | undefined {
  if (tokenLimitOffset(source, limits.maxTokens) !== undefined) return [tokenRefusal(limits.maxTokens)];
  const unsafe = documentRefusal(source, limits.maxTokens);
  return unsafe ? [unsafe] : undefined;
}

/** The limits for Apollo Server: spread `parseOptions` and `validationRules` into its options, add `plugin`. */
export function operationLimits(limits: OperationLimits): ApolloOperationLimits {
  // The parse error graphql-js raises at the limit is one of its syntax errors; it is ours when it sits where the
  // limit stops the parser.
  const stoppedAtTokenLimit = (error: GraphQLError, source: string | undefined) => {
    const offset = source === undefined ? undefined : tokenLimitOffset(source, limits.maxTokens);
    return offset !== undefined && error.positions?.[0] === offset;
  };
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        // Apollo Server gives every parse and validation error its own code (GRAPHQL_PARSE_FAILED,
        // GRAPHQL_VALIDATION_FAILED) over the one of the error it wraps; a refused limit keeps ours so clients can
        // tell it from a mistake in their query. The errors are formatted right after this hook.
        async didEncounterErrors({ errors, source }) {
          for (const error of errors) {
            const original = error.originalError as GraphQLError | undefined;
            if (original?.extensions?.code === 'OPERATION_LIMIT_EXCEEDED') {
              Object.assign(error.extensions, original.extensions);
            } else if (error.extensions.code === 'GRAPHQL_PARSE_FAILED' && stoppedAtTokenLimit(error, source)) {
              const refused = tokenRefusal(limits.maxTokens);
              error.message = refused.message;
              Object.assign(error.extensions, refused.extensions);
            }
          }
        },
      };
    },
  };
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: operationLimitRules(limits),
    plugin,
  };
}
