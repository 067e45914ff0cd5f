/**
 * A small structured logger: one JSON line per event in production (for log shippers), readable lines in development.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(service: string): Logger;
}

function serialize(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v instanceof Error ? { message: v.message, stack: v.stack } : v;
  return out;
}

export function createLogger(options: { service: string; level?: LogLevel; json?: boolean }): Logger {
  const min = ORDER[options.level ?? 'info'];
  const write = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
    if (options.json) {
      stream.write(
        `${JSON.stringify({ time: new Date().toISOString(), level, service: options.service, msg, ...serialize(fields) })}\n`,
      );
    } else {
      const extra = Object.keys(fields).length ? ` ${JSON.stringify(serialize(fields))}` : '';
      stream.write(`[${options.service}] ${level.toUpperCase()} ${msg}${extra}\n`);
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (service) => createLogger({ ...options, service }),
  };
}
