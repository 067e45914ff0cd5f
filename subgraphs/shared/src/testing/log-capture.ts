/** A JSON logger whose lines a test reads back, to assert what was logged (levels, fields, redaction, request ids). */
import { PassThrough } from 'node:stream';
import { createLogger, type Logger, type LoggerOptions } from '../logger.js';

export function captureLogs(options: Partial<LoggerOptions> = {}): {
  logger: Logger;
  lines: () => Record<string, unknown>[];
} {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const logger = createLogger({ service: 'test', json: true, destination: stream, ...options });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}
