/**
 * Relay cursor pagination. Cursors are opaque base64url JSON of the sort key ([sort value, id]) of the item, so pages
 * stay stable while rows are added (keyset pagination, never OFFSET).
 */
import { badInput } from '@bloomzy/shared/errors';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for it. */
  totalCount: () => Promise<number>;
}

/** A position in a list ordered by (value, id). */
export interface CursorKey {
  value: string;
  id: string;
}

export const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify([key.value, key.id])).toString('base64url');

/** The key inside a cursor; BAD_USER_INPUT naming `field` when it is not one of ours. */
export function decodeCursor(cursor: string, field = 'after'): CursorKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw badInput(field, 'Invalid cursor');
}

/** A timestamp cursor's date; BAD_USER_INPUT when the cursor holds something else. */
export function cursorDate(key: CursorKey, field = 'after'): Date {
  const date = new Date(key.value);
  if (Number.isNaN(date.getTime())) throw badInput(field, 'Invalid cursor');
  return date;
}

/** Page size within 1–MAX_PAGE_SIZE; BAD_USER_INPUT naming `field` otherwise. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(field, `Must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * A connection from up to `size + 1` rows fetched after the cursor: the extra row only tells that another page exists.
 */
export function connectionFrom<T>(
  rows: readonly T[],
  size: number,
  cursorOf: (row: T) => CursorKey,
  hasPrevious: boolean,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, size);
  // Cursors are encoded when read: most lists (a dashboard's 50 plants with 3 waterings each) never select them.
  const edges = page.map((node) => ({
    node,
    get cursor() {
      return encodeCursor(cursorOf(node));
    },
  }));
  const first = edges[0];
  const last = edges.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      get startCursor() {
        return first?.cursor ?? null;
      },
      get endCursor() {
        return last?.cursor ?? null;
      },
    },
    totalCount,
  };
}
