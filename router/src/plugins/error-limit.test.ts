import { describe, expect, it } from 'vitest';
import { limitErrors } from './error-limit.js';

const errors = (count: number) => Array.from({ length: count }, (_, i) => ({ message: `error ${i}` }));

describe('limitErrors', () => {
  it('keeps up to maxErrors errors as they are', () => {
    expect(limitErrors(errors(100), { maxErrors: 100 })).toEqual(errors(100));
    expect(limitErrors([], { maxErrors: 100 })).toEqual([]);
  });

  it('keeps the first maxErrors and adds one counting the rest', () => {
    const limited = limitErrors(errors(5000), { maxErrors: 100 });
    expect(limited).toHaveLength(101);
    expect(limited.slice(0, 100)).toEqual(errors(100));
    expect(limited[100]).toEqual({
      message: '4900 more errors left out (MAX_ERRORS).',
      extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_ERRORS', max: 100 },
    });
    expect(limitErrors(errors(3), { maxErrors: 2 })[2]?.message).toBe('1 more error left out (MAX_ERRORS).');
  });
});
