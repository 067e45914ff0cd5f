import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { context, propagation, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import { withLogBindings } from './logger.js';
import { captureLogs } from './testing/log-capture.js';

const capture = captureLogs;

describe('createLogger', () => {
  it('writes JSON lines to stdout and stderr asynchronously, and loses none when the process exits at once', () => {
    // A child process: 2000 lines on stdout and one on stderr, then exit in the same tick (as a fatal error would).
    const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
    const script = `
      const { createLogger } = await import(${JSON.stringify(logger)});
      const log = createLogger({ service: 'exit', json: true });
      for (let i = 0; i < 2000; i++) log.info('line', { i, filler: 'x'.repeat(200) });
      log.error('last words');
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(child.status).toBe(3);
    const out = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { i: number });
    expect(out.map((line) => line.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(JSON.parse(child.stderr.trim())).toMatchObject({ level: 'error', msg: 'last words', service: 'exit' });
  });

  it('writes one JSON object per line: level name, ISO time, service, message and fields', () => {
    const { logger, lines } = capture();
    logger.info('plant watered', { plantId: 'p1' });
    expect(lines()).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        service: 'test',
        plantId: 'p1',
        msg: 'plant watered',
      },
    ]);
  });

  it('drops lines below its level (info by default)', () => {
    const { logger, lines } = capture();
    logger.debug('noise');
    logger.warn('kept');
    expect(lines().map((line) => line.msg)).toEqual(['kept']);
    const verbose = capture({ level: 'debug' });
    verbose.logger.debug('wanted');
    expect(verbose.lines().map((line) => line.msg)).toEqual(['wanted']);
  });

  it('redacts credentials and secrets wherever they sit in the fields', () => {
    const { logger, lines } = capture();
    logger.info('request', {
      headers: { authorization: 'Bearer eyJ.secret', cookie: 'sid=1', 'x-api-key': 'bk_live_1', accept: '*/*' },
      input: { email: 'ada@bloomzy.test', password: 'fiddle-leaf-9' },
      result: { accessToken: 'a', refreshToken: 'r', secret: 's', apiKey: 'k' },
      token: 't',
    });
    const [line] = lines();
    expect(line).toMatchObject({
      headers: { authorization: '[Redacted]', cookie: '[Redacted]', 'x-api-key': '[Redacted]', accept: '*/*' },
      input: { email: 'ada@bloomzy.test', password: '[Redacted]' },
      result: { accessToken: '[Redacted]', refreshToken: '[Redacted]', secret: '[Redacted]', apiKey: '[Redacted]' },
      token: '[Redacted]',
    });
    expect(JSON.stringify(line)).not.toMatch(/eyJ|fiddle|bk_live/);
  });

  it('keeps the message, type and stack of errors', () => {
    const { logger, lines } = capture();
    logger.error('dispatch failed', { error: new TypeError('boom') });
    // Apollo's loggers pass an Error as the message.
    logger.error(new Error('from apollo') as unknown as string);
    const [first, second] = lines();
    expect(first?.error).toMatchObject({ type: 'TypeError', message: 'boom', stack: expect.stringContaining('boom') });
    expect(second).toMatchObject({ msg: 'from apollo', error: { message: 'from apollo' } });
  });

  it('names the service of a child and adds the bindings of the scope a line is written in', async () => {
    const { logger, lines } = capture();
    await withLogBindings({ requestId: 'req-1' }, async () => {
      await Promise.resolve();
      logger.child('plants').info('inside');
    });
    logger.info('outside');
    expect(lines()).toMatchObject([
      { service: 'plants', requestId: 'req-1', msg: 'inside' },
      { service: 'test', msg: 'outside' },
    ]);
    expect(lines()[1]).not.toHaveProperty('requestId');
  });

  it('writes the active span’s trace and span ids on every line, and none outside spans or without tracing', async () => {
    const { logger, lines } = capture();
    logger.info('tracing off');
    const provider = new NodeTracerProvider();
    provider.register();
    try {
      await trace.getTracer('test').startActiveSpan('request', async (span) => {
        await Promise.resolve();
        logger.child('plants').info('inside');
        // fastify logs through the pino logger underneath; its lines carry the ids too.
        logger.pino.info('fastify line');
        span.end();
      });
      logger.info('outside');
      const [off, inside, fastify, outside] = lines();
      expect(off).not.toHaveProperty('traceId');
      expect(inside).toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/), spanId: expect.any(String) });
      expect(fastify?.traceId).toBe(inside?.traceId);
      expect(outside).not.toHaveProperty('traceId');
    } finally {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    }
  });
});
