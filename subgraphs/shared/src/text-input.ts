/**
 * Refuses text Postgres cannot store or a client cannot have meant: a NUL character (Postgres refuses `\u0000` in
 * text, so it would surface as a database error) or a UTF-16 surrogate without its pair (not a character; JSON lets a
 * client send one as `"\ud800"`, and a GraphQL string literal as a `\ud800` escape is already a syntax error). Every
 * string of an operation's variables and of its inline argument values is checked once the operation is resolved,
 * before anything runs; a refusal is BAD_USER_INPUT naming the field (`input.notes`, `tags[2]`), HTTP 400.
 * Apollo Server plugin for every subgraph and the router.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { badInput } from './errors.js';

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unsafe = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The dotted path of the first unsafe string in a JSON value (a variable's), or undefined. */
function unsafeIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return unsafe(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsafeIn(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = unsafeIn(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The same for a literal in the document (an argument's value). */
function unsafeInLiteral(node: ValueNode, path: string): string | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return unsafe(node.value) ? path : undefined;
    case Kind.LIST:
      for (const [index, item] of node.values.entries()) {
        const found = unsafeInLiteral(item, `${path}[${index}]`);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = unsafeInLiteral(field.value, `${path}.${field.name.value}`);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Arguments of fields and directives, and variables' default values, anywhere in the document. */
function unsafeInDocument(document: DocumentNode): string | undefined {
  let found: string | undefined;
  // graphql's visit walks without recursion; a literal's own nesting is bounded by the document guard.
  visit(document, {
    Argument(node) {
      found = unsafeInLiteral(node.value, node.name.value);
      return found ? BREAK : false;
    },
    VariableDefinition(node) {
      found = node.defaultValue && unsafeInLiteral(node.defaultValue, node.variable.name.value);
      return found ? BREAK : false;
    },
  });
  return found;
}

const refusal = (field: string) => {
  const error = badInput(field, `${field} contains a NUL character or an unpaired UTF-16 surrogate`);
  // Apollo Server answers errors thrown before execution with 500 unless they say otherwise; this is the client's.
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
};

/**
 * Verdicts per parsed document. Apollo Server keeps one DocumentNode per query text in its document store, so a
 * query the router sends again and again is walked once, not on every request.
 */
const documentVerdicts = new WeakMap<DocumentNode, string | null>();

function unsafeInCachedDocument(document: DocumentNode): string | undefined {
  let verdict = documentVerdicts.get(document);
  if (verdict === undefined) {
    verdict = unsafeInDocument(document) ?? null;
    documentVerdicts.set(document, verdict);
  }
  return verdict ?? undefined;
}

export function refuseUnsafeText(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variable = unsafeIn(request.variables ?? {}, '');
          const field = variable ? variable.replace(/^\./, '') : unsafeInCachedDocument(document);
          if (field) throw refusal(field);
        },
      };
    },
  };
}
