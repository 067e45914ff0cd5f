/**
 * The closed set of error codes every Bloomzy subgraph returns in `extensions.code`. Clients switch on these; they are
 * part of the API contract and never change meaning.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDependencyOutage } from './deps/outage.js';

const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const CODES = new Set<string>(Object.values(ErrorCode));

function error(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'Authentication required') => error('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed') => error('FORBIDDEN', message);
export const notFound = (what: string) => error('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, field?: string) => error('CONFLICT', message, field ? { field } : {});
/** `retryAfter`: whole seconds until the client may try again (as HTTP's Retry-After), when known. */
export const rateLimited = (message: string, retryAfterSeconds?: number) =>
  error('RATE_LIMITED', message, retryAfterSeconds ? { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) } : {});
/**
 * An operation beyond one of the router's limits, refused before it runs: `limit` names the variable that sets it
 * (e.g. `MAX_DEPTH`), `max` its value.
 */
export const operationLimitExceeded = (limit: string, max: number, message: string) =>
  error('OPERATION_LIMIT_EXCEEDED', message, { limit, max });

/** The router's demand control refused an operation whose estimated cost is above the maximum; nothing ran. */
export const costLimitExceeded = (cost: { estimated: number; max: number }) =>
  error(
    'COST_LIMIT_EXCEEDED',
    `Operation refused: its estimated cost ${cost.estimated} is above the maximum of ${cost.max}; ask for smaller pages or fewer fields`,
    { cost },
  );
/**
 * A dependency the request needs (Redis) is away for now; nothing was done, and the same request may succeed in a
 * moment: `extensions.retryable` is true.
 */
export const serviceUnavailable = (message = 'Service temporarily unavailable; try again shortly') =>
  error('SERVICE_UNAVAILABLE', message, { retryable: true });

/** Bad input, naming the offending field (dotted path into the input, e.g. `input.email`). */
export const badInput = (field: string, message: string) => error('BAD_USER_INPUT', message, { field });

/**
 * Error formatter for Apollo Server. Errors we raised on purpose keep their code and message; anything else (a bug,
 * a database failure) is logged and becomes a bare INTERNAL_SERVER_ERROR so no internals reach a client in production.
 * GraphQL validation/parse errors from Apollo keep their own codes (GRAPHQL_VALIDATION_FAILED, ...), which clients know.
 */
export function createErrorFormatter(options: { production: boolean; log: (e: unknown) => void }) {
  return (formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
    // A dependency outage is not a bug: the client is told to retry, and the log keeps the cause.
    if (isDependencyOutage(original)) {
      options.log(original);
      const { message, extensions } = serviceUnavailable();
      return { message, path: formatted.path, locations: formatted.locations, extensions };
    }
    const code = formatted.extensions?.code;
    const known =
      typeof code === 'string' &&
      (CODES.has(code) ||
        code.startsWith('GRAPHQL_') ||
        code === 'BAD_REQUEST' ||
        code === 'PERSISTED_QUERY_NOT_FOUND' ||
        code === 'OPERATION_RESOLUTION_FAILURE');
    if (known && code !== 'INTERNAL_SERVER_ERROR') {
      if (!options.production) return formatted;
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    options.log(original);
    if (!options.production)
      return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
