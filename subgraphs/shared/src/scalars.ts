/** Custom scalars shared by every subgraph (the same name must mean the same thing across the supergraph). */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseDate(value: unknown): Date {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value)
  ) {
    throw new GraphQLError('DateTime must be an ISO-8601 string such as 2026-05-01T09:00:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new GraphQLError(`"${value}" is not a valid date`, { extensions: { code: 'BAD_USER_INPUT' } });
  return date;
}

/** ISO-8601 date-time; output always in UTC with milliseconds. Inputs need a zone (or are a date, taken as UTC). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC, e.g. 2026-05-01T09:00:00.000Z.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});

/** Maps GraphQL scope enum values (PLANTS_WRITE) to scope strings (plants:write) and back. */
export const scopeFromEnum = (value: string) => value.toLowerCase().replace('_', ':');
export const scopeToEnum = (scope: string) => scope.toUpperCase().replace(':', '_');
