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

/**
 * Why credentials were refused, in `extensions.reason`, for a client to tell "refresh the token and retry" from "sign
 * in again": TOKEN_EXPIRED (an access token past its `exp`: refresh it), TOKEN_INVALID (malformed, wrongly signed, or
 * an unknown or expired API key), SESSION_REVOKED (logged out, or the API key was revoked).
 */
export type UnauthenticatedReason = 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'SESSION_REVOKED';

export const unauthenticated = (message = 'Authentication required', reason?: UnauthenticatedReason) =>
  error('UNAUTHENTICATED', message, reason ? { reason } : {});
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
 * A service or dependency this operation needs did not answer (a subgraph down or not within its timeout, Redis away):
 * nothing that needed it was done, and the same operation may succeed later (`retryable: true`). From the router, the
 * fields the missing subgraph owns are null, the rest of the response is there, and `subgraph` names it (never its
 * URL).
 */
export const serviceUnavailable = (
  message = 'Service temporarily unavailable; try again shortly',
  details: { subgraph?: string } = {},
) => error('SERVICE_UNAVAILABLE', message, { ...details, retryable: true });

/** Bad input, naming the offending field (dotted path into the input, e.g. `input.email`). */
export const badInput = (field: string, message: string) => error('BAD_USER_INPUT', message, { field });

/**
 * Whether an unexpected error comes from the database client: Prisma's messages quote the invocation (model, query
 * arguments, the caller's source file), which even a developer's client should not receive; the log has them.
 */
function fromDatabase(original: unknown, message: string): boolean {
  for (let cause = original; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError) {
    if (cause.name.startsWith('PrismaClient') || cause.constructor.name.startsWith('PrismaClient')) return true;
  }
  return /prisma|invocation/i.test(message);
}

/**
 * Error formatter for Apollo Server. Errors we raised on purpose keep their code and message; anything else (a bug,
 * a database failure) is logged and becomes a bare INTERNAL_SERVER_ERROR so no internals reach a client in production.
 * GraphQL validation/parse errors from Apollo keep their own codes (GRAPHQL_VALIDATION_FAILED, ...), which clients know.
 * `extensions.response` (where @apollo/gateway puts a subgraph's URL and raw answer) never reaches a client, and a
 * database client's message only reaches the log.
 */
export function createErrorFormatter(options: { production: boolean; log: (e: unknown) => void }) {
  return (formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
    // A dependency outage is not a bug: the client is told to retry, and the log keeps the cause.
    if (isDependencyOutage(original)) {
      options.log(original);
      const { message, extensions } = serviceUnavailable();
      return { message, path: formatted.path, locations: formatted.locations, extensions };
    }
    const { response: _internal, ...extensions } = formatted.extensions ?? {};
    const code = extensions.code;
    const known =
      typeof code === 'string' &&
      (CODES.has(code) ||
        code.startsWith('GRAPHQL_') ||
        code === 'BAD_REQUEST' ||
        code === 'PERSISTED_QUERY_NOT_FOUND' ||
        code === 'OPERATION_RESOLUTION_FAILURE');
    if (known && code !== 'INTERNAL_SERVER_ERROR') {
      if (!options.production) return { ...formatted, extensions };
      const { stacktrace: _dropped, ...kept } = extensions;
      return { ...formatted, extensions: kept };
    }
    options.log(original);
    if (!options.production) {
      const message = fromDatabase(original, formatted.message)
        ? 'Internal server error: the database refused the operation (details in the service log)'
        : formatted.message;
      return { ...formatted, message, extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' } };
    }
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
