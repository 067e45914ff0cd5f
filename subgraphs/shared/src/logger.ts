/**
 * Structured logs on pino: one JSON line per event in production (for log shippers), readable lines in development.
 * Every line names its service; a line written while an HTTP request is handled carries that request's id, however
 * deep in the code it was logged, and while tracing is on every line written inside a span carries its trace and span
 * ids (`traceId`, `spanId`: find the trace of a log line, or the lines of a trace); credentials and secrets are redacted wherever they appear in the fields.
 *
 * Our calls read `logger.info(message, fields)` (pino's own order is the reverse): the same interface serves Apollo
 * Server's, @apollo/gateway's and the subscription engine's `logger` option, which pass a message alone.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { trace } from '@opentelemetry/api';
import { pino, type LevelWithSilent, type Logger as PinoLogger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { redactSecrets } from './log-redaction.js';

/** pino's level names: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'. */
type LogLevel = LevelWithSilent;
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** The same log under another service name (npm start runs every service in one process). */
  child(service: string): Logger;
  /** The pino logger underneath, for libraries that take one (fastify's request logger). */
  readonly pino: PinoLogger;
}

export interface LoggerOptions {
  service: string;
  /** Lowest level written; 'info' when absent. */
  level?: LogLevel;
  /** One JSON object per line (production); readable lines otherwise. */
  json?: boolean;
  /** Where lines go instead of stdout/stderr (tests read them). */
  destination?: NodeJS.WritableStream;
}

const scope = new AsyncLocalStorage<LogFields>();

/**
 * Runs `fn` with `bindings` (the HTTP request id) added to every line our loggers write inside it, including lines
 * written by asynchronous work it starts.
 */
export function withLogBindings<T>(bindings: LogFields, fn: () => T): T {
  return scope.run(bindings, fn);
}

/**
 * The active span's ids, for pino's `mixin` (every line, fastify's own included). Nothing while tracing is off: the
 * API then has no active span.
 */
function traceFields(): LogFields {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

export function createLogger(options: LoggerOptions): Logger {
  const root = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Secrets redacted (log-redaction.ts): pino's own wildcard `redact` paths cost 20 times the rest of a line.
      formatters: { level: (label) => ({ level: label }), log: redactSecrets },
      // fastify logs request failures under `err`.
      serializers: { err: pino.stdSerializers.err },
      mixin: traceFields,
    },
    destinationFor(options),
  );
  return wrap(root, root.child({ service: options.service }));
}

function wrap(root: PinoLogger, logger: PinoLogger): Logger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (msg: unknown, fields?: LogFields): void => {
      if (!logger.isLevelEnabled(level)) return;
      const bound: LogFields = { ...scope.getStore() };
      for (const [key, value] of Object.entries(fields ?? {}))
        bound[key] = value instanceof Error ? pino.stdSerializers.err(value) : value;
      // Apollo's loggers may hand us an Error, or anything, as the message.
      if (msg instanceof Error) logger[level]({ ...bound, error: pino.stdSerializers.err(msg) }, msg.message);
      else logger[level](bound, typeof msg === 'string' ? msg : String(msg));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (service) => wrap(root, root.child({ service })),
    pino: logger,
  };
}

/**
 * Info and below on stdout, warnings and errors on stderr; pretty-printed unless JSON is asked for.
 *
 * JSON lines are written asynchronously: a line written while the previous write is still in flight waits in a buffer
 * and leaves with it, so a busy service makes one write(2) for many lines instead of a blocking one per line (the
 * request log's writes were 2–3 % of each service's busy time under the dashboard benchmark). pino flushes the buffer
 * synchronously when the process exits, crashes included; only a SIGKILL can lose the lines still buffered.
 */
function destinationFor(options: LoggerOptions) {
  const stream = (fd: 1 | 2) =>
    options.json
      ? (options.destination ?? pino.destination({ fd, sync: false }))
      : PinoPretty({
          destination: options.destination ?? fd,
          sync: true,
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'service',
          messageFormat: '[{service}] {msg}',
        });
  if (options.destination) return stream(1);
  return pino.multistream(
    [
      { level: 'trace', stream: stream(1) },
      { level: 'warn', stream: stream(2) },
    ],
    { dedupe: true },
  );
}
