import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  intInRange,
  isUuid,
  notNull,
  numberInRange,
  optionalHttpUrl,
  optionalInt,
  optionalText,
  pastOrNow,
  requiredText,
} from './validation.js';

/** The code and field of the BAD_USER_INPUT a call throws. */
function rejection(run: () => unknown): { code: unknown; field: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return { code: error.extensions.code, field: error.extensions.field };
    throw error;
  }
  throw new Error('expected a rejection');
}

const NOW = new Date('2026-04-15T09:00:00Z');

describe('text', () => {
  it('trims, turns empty into null and keeps omitted fields omitted', () => {
    expect(optionalText('  Kitchen ', 100, 'input.location')).toBe('Kitchen');
    expect(optionalText('   ', 100, 'input.location')).toBeNull();
    expect(optionalText(null, 100, 'input.location')).toBeNull();
    expect(optionalText(undefined, 100, 'input.location')).toBeUndefined();
  });
  it('refuses text over the limit, naming the field', () => {
    expect(rejection(() => optionalText('x'.repeat(101), 100, 'input.location'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.location',
    });
    expect(rejection(() => requiredText('  ', 1, 100, 'input.nickname'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.nickname',
    });
  });
  it('refuses null for fields that cannot be cleared', () => {
    expect(rejection(() => notNull(null, 'input.nickname')).field).toBe('input.nickname');
    expect(notNull(undefined, 'input.nickname')).toBeUndefined();
  });
});

describe('numbers', () => {
  it.each([
    [0, true],
    [10_000, true],
    [-1, false],
    [10_001, false],
    [1.5, false],
  ])('amount %s ml allowed: %s', (amount, allowed) => {
    const run = () => intInRange(amount, 0, 10_000, 'input.amountMl');
    if (allowed) expect(run()).toBe(amount);
    else expect(rejection(run)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.amountMl' });
  });
  it('accepts fractional centimetres within range and refuses NaN', () => {
    expect(numberInRange(12.5, 0, 1000, 'input.heightCm')).toBe(12.5);
    expect(rejection(() => numberInRange(Number.NaN, 0, 1000, 'input.heightCm')).field).toBe('input.heightCm');
    expect(optionalInt(null, 0, 10, 'x')).toBeNull();
  });
});

describe('photo URLs', () => {
  it('accepts http and https URLs', () => {
    expect(optionalHttpUrl('https://example.com/a.jpg', 'input.photoUrl')).toBe('https://example.com/a.jpg');
    expect(optionalHttpUrl('http://cdn.example.com/x?y=1', 'input.photoUrl')).toBe('http://cdn.example.com/x?y=1');
  });
  it.each([
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    '/relative.jpg',
    'not a url',
    'ftp://example.com/a.jpg',
  ])('refuses %s', (url) =>
    expect(rejection(() => optionalHttpUrl(url, 'input.photoUrl'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.photoUrl',
    }),
  );
  it('refuses URLs longer than 2048 characters', () => {
    expect(rejection(() => optionalHttpUrl(`https://example.com/${'a'.repeat(2048)}`, 'input.photoUrl')).field).toBe(
      'input.photoUrl',
    );
  });
});

describe('dates', () => {
  it('defaults to now and keeps past dates', () => {
    expect(pastOrNow(undefined, NOW, 'input.wateredAt')).toEqual(NOW);
    const past = new Date('2026-04-01T00:00:00Z');
    expect(pastOrNow(past, NOW, 'input.wateredAt')).toEqual(past);
  });
  it('takes up to a minute ahead as clock skew (now), refuses anything later', () => {
    expect(pastOrNow(new Date(NOW.getTime() + 30_000), NOW, 'input.wateredAt')).toEqual(NOW);
    expect(rejection(() => pastOrNow(new Date(NOW.getTime() + 61_000), NOW, 'input.wateredAt'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.wateredAt',
    });
  });
});

it('recognises uuids', () => {
  expect(isUuid('0b5f3c1e-8d3a-4c47-9a4e-2f6a7a1b9c10')).toBe(true);
  expect(isUuid('1')).toBe(false);
  expect(isUuid("x' OR 1=1")).toBe(false);
});
