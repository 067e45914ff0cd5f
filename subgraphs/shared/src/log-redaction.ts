/**
 * Credentials and secrets out of log lines: a field with one of these names gets `[Redacted]` for its value at the top
 * level of a line or nested up to three levels below it (in objects and arrays), as pino's `redact` paths `password`,
 * `*.password`, `*.*.password` and `*.*.*.password` did. pino's wildcard paths cost 60–70 µs per line here (3 µs
 * without them), on every request's log line in every process; this walk costs about a microsecond. It runs as pino's
 * `formatters.log`, before serializers: class instances such as fastify's request and reply are left to their
 * serializers (which write no headers or bodies), Errors are serialized first when they hold a secret. The line's own
 * objects are never changed: what holds a secret is copied.
 */
import { pino } from 'pino';

const SECRET_FIELDS = new Set([
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

export const REDACTED = '[Redacted]';

/** The deepest level searched: the line's own fields are level 1. */
const DEEPEST = 4;

type Fields = Record<string, unknown>;

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `value` with its secrets (its keys being at `level`) redacted; `value` itself when it holds none. */
function redactIn(value: unknown, level: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const redacted = level < DEEPEST ? redactIn(item, level + 1) : item;
      if (redacted !== item) (copy ??= [...value])[i] = redacted;
    }
    return copy ?? value;
  }
  if (value instanceof Error) {
    const serialized: Fields = { ...pino.stdSerializers.err(value) };
    const redacted = redactFields(serialized, level);
    return redacted === serialized ? value : redacted;
  }
  return isPlain(value) ? redactFields(value as Fields, level) : value;
}

function redactFields(fields: Fields, level: number): Fields {
  let copy: Fields | undefined;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    let redacted: unknown;
    if (SECRET_FIELDS.has(key)) redacted = value === undefined ? value : REDACTED;
    else redacted = level < DEEPEST ? redactIn(value, level + 1) : value;
    if (redacted !== value) (copy ??= { ...fields })[key] = redacted;
  }
  return copy ?? fields;
}

/** pino's `formatters.log`: the line's fields with every secret redacted (the same object when there is none). */
export const redactSecrets = (fields: Fields): Fields => redactFields(fields, 1);
