import { describe, expect, it } from 'vitest';
import { documentRefusal } from './document-guard.js';
import { MAX_DOCUMENT_FRAGMENTS, MAX_DOCUMENT_NESTING, MAX_LIST_NESTING } from './request-limits.js';

const nested = (levels: number) => `{ ${'a { '.repeat(levels - 1)}b${' }'.repeat(levels - 1)} }`;
const fragments = (count: number) =>
  `{ ...F0 }\n${Array.from({ length: count }, (_, i) => `fragment F${i} on Query { a }`).join('\n')}`;

describe('documentRefusal', () => {
  it('lets documents within the limits through', () => {
    expect(documentRefusal(nested(MAX_DOCUMENT_NESTING), 1_000_000)).toBeUndefined();
    expect(documentRefusal(fragments(MAX_DOCUMENT_FRAGMENTS), 1_000_000)).toBeUndefined();
    // Not a document the lexer reads: the parser reports it.
    expect(documentRefusal('{ a(x: "unterminated) }', 1_000_000)).toBeUndefined();
  });

  it('refuses nesting (braces, brackets, parentheses alike) one level deeper', () => {
    expect(documentRefusal(nested(MAX_DOCUMENT_NESTING + 1), 1_000_000)?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const deep = `{ a(x: ${'{ b: '.repeat(MAX_DOCUMENT_NESTING)}1${' }'.repeat(MAX_DOCUMENT_NESTING)}) }`;
    expect(documentRefusal(deep, 1_000_000)?.message).toBe(`Document nests deeper than ${MAX_DOCUMENT_NESTING} levels`);
  });

  it('refuses list literals nested one level deeper than MAX_LIST_NESTING, siblings not counted', () => {
    const list = (levels: number) => `{ a(x: ${'['.repeat(levels)}1${']'.repeat(levels)}) }`;
    expect(documentRefusal(list(MAX_LIST_NESTING), 1_000_000)).toBeUndefined();
    expect(documentRefusal(`{ a(x: ${Array(50).fill('[[1]]').join(' ')}) }`, 1_000_000)).toBeUndefined();
    expect(documentRefusal(list(MAX_LIST_NESTING + 1), 1_000_000)).toMatchObject({
      message: `Document nests lists deeper than ${MAX_LIST_NESTING} levels`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('refuses one fragment more, and names the limit', () => {
    expect(documentRefusal(fragments(MAX_DOCUMENT_FRAGMENTS + 1), 1_000_000)).toMatchObject({
      message: `Document defines more than ${MAX_DOCUMENT_FRAGMENTS} fragments`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('reads no further than the parser would (its token limit reports the rest)', () => {
    expect(documentRefusal(nested(MAX_DOCUMENT_NESTING + 1), 100)).toBeUndefined();
  });
});
