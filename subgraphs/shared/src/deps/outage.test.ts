import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDependencyOutage } from './outage.js';

describe('isDependencyOutage', () => {
  it('recognises ioredis refusals and network failures, also when wrapped', () => {
    const maxRetries = Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
      name: 'MaxRetriesPerRequestError',
    });
    expect(isDependencyOutage(maxRetries)).toBe(true);
    expect(isDependencyOutage(new Error('Connection is closed.'))).toBe(true);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    expect(isDependencyOutage(new GraphQLError('Unexpected error', { originalError: refused }))).toBe(true);
    expect(isDependencyOutage(new Error('fetch failed', { cause: refused }))).toBe(true);
  });

  it('leaves bugs and client errors alone', () => {
    expect(isDependencyOutage(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDependencyOutage(new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } }))).toBe(false);
    expect(isDependencyOutage(undefined)).toBe(false);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isDependencyOutage(loop)).toBe(false);
  });
});
