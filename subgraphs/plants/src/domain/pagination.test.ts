import { describe, expect, it } from 'vitest';
import { connectionFrom, decodeCursor, encodeCursor, pageSize } from './pagination.js';

describe('cursors', () => {
  it('round-trip the sort key', () => {
    const key = { value: '2026-04-15T09:00:00.000Z', id: 'abc' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });
  it.each(['', 'garbage', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])(
    'refuses a foreign cursor %j as BAD_USER_INPUT on `after`',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
      );
    },
  );
});

describe('page size', () => {
  it('defaults to 20 and allows 1–100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(100)).toBe(100);
  });
  it.each([0, 101, -5, 2.5])('refuses %s', (n) => {
    expect(() => pageSize(n)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'first' }) }),
    );
  });
});

describe('connectionFrom', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const cursorOf = (r: { id: string }) => ({ value: r.id, id: r.id });
  it('uses the extra row only to tell that a next page exists', async () => {
    const page = connectionFrom(rows, 2, cursorOf, false, async () => 3);
    expect(page.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      endCursor: page.edges[1]?.cursor,
    });
    expect(await page.totalCount()).toBe(3);
  });
  it('has no next page and null cursors when empty', () => {
    expect(connectionFrom([], 2, cursorOf, true, async () => 0).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
