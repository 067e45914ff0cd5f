/**
 * Apollo Server runs a subgraph's operations with graphql-jit: each document is compiled on its second use and every
 * later request with it runs the compiled code. Apollo Server still parses, validates and runs every plugin; only execution changes.
 *
 * The router sends a handful of planned documents over and over, so compiling pays at once. graphql-js walks the
 * selection set, looks up field definitions and builds argument and info objects again for every field of every
 * request: a 50-plant dashboard resolves about 800 fields in plants, and that was about a sixth of the bytes the
 * process allocated per request (and of the garbage collection that follows). Apollo Server lets an executor other
 * than graphql-js's only through its gateway interface, which hands it the validated request; this serves a fixed
 * schema through that interface.
 *
 * While tracing is on, operations keep graphql-js's execution: the OpenTelemetry GraphQL instrumentation makes its
 * spans by wrapping graphql-js's `execute`.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Apollo Server's gateway interface, as its options name it (its package is Apollo Server's own dependency). */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * Distinct documents kept compiled: the router's planned documents number in the tens per subgraph, and a document
 * that falls out is compiled again on its next use.
 */
const MAX_DOCUMENTS = 500;

/** Documents remembered as seen once (not yet compiled): many more than are kept compiled, as each costs a few bytes. */
const MAX_SEEN = 5_000;

/**
 * Uses of a document before it is compiled: compiling costs far more than running a document once, so a document sent
 * once (an explorer's query, a one-off script, a test) runs on graphql-js and never pays for it.
 */
const COMPILE_AFTER = 2;

export interface CompiledExecutorOptions {
  /** graphql-jit's compileQuery; tests count its calls. */
  compile?: typeof compileQuery;
}

/** The executor: compiles a document (by operation) once it is used COMPILE_AFTER times, and runs the compiled code. */
export function compiledExecutor(schema: GraphQLSchema, options: CompiledExecutorOptions = {}): GatewayExecutor {
  const compile = options.compile ?? compileQuery;
  const compiled = new LRUCache<string, CompiledQuery>({ max: MAX_DOCUMENTS });
  const uses = new LRUCache<string, number>({ max: MAX_SEEN });
  return async ({ document, operationName, queryHash, request, context }) => {
    // queryHash is the SHA-256 of the document's text, which Apollo Server computes for every request anyway.
    const key = `${operationName ?? ''}\n${queryHash}`;
    const variableValues = request.variables ?? {};
    const interpret = () =>
      execute({ schema, document, operationName, variableValues, contextValue: context }) as ExecutionResult;
    let query = compiled.get(key);
    if (!query) {
      const used = (uses.get(key) ?? 0) + 1;
      if (used < COMPILE_AFTER) {
        uses.set(key, used);
        return interpret();
      }
      uses.delete(key);
      const result = compile(schema, document, operationName ?? undefined);
      // Not compiled: the errors of an operation that cannot run (an unknown operation name...), as graphql-js says.
      if (!isCompiledQuery(result)) return result;
      compiled.set(key, (query = result));
    }
    const result = await query.query(undefined, context, variableValues);
    const errors = result.errors;
    if (!errors?.length) return result;
    // Errors without a path are the request's (variables that do not coerce), raised before any resolver ran:
    // graphql-js says them again, in the words Apollo Server recognises as the client's mistake (BAD_USER_INPUT).
    if (!errors.some((error) => error.path)) return interpret();
    return { ...result, errors: errors.map(asGraphQLJsError) };
  };
}

/**
 * graphql-jit's field errors as graphql-js builds them: Apollo Server reads `extensions.code` of every error, and a
 * jit error about a plain Error (a database failure...) has no `extensions`, so the client got "Cannot read
 * properties of undefined" and lost the path. Locations are left out: the router drops a subgraph's anyway.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
}

/** Apollo Server's gateway interface around a fixed schema and `executor`: `schema` is served as it is. */
export function fixedSchemaGateway(schema: GraphQLSchema, executor: GatewayExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
