/**
 * The README's "Errors" table names every `extensions.code` a client can get: each code our sources answer with
 * (`code: 'X'` in an error's extensions, the closed set in shared/errors.ts, the codes the error formatter lets through)
 * and each code Apollo Server itself answers with (parse, validation, bad request, persisted queries). A new code
 * without a README row fails the build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@bloomzy/shared/paths';

/**
 * Codes that appear in the sources but never in a GraphQL answer: Node, Fastify and undici error codes, and Prisma's
 * (the services translate those into CONFLICT or NOT_FOUND).
 */
const NOT_GRAPHQL = new Set(['ENOTFOUND', 'FST_ERR_CTP_BODY_TOO_LARGE', 'UND_ERR_ABORTED', 'P2002', 'P2003', 'P2025']);
/** Apollo Server answers this only with persisted queries turned off; the router keeps them on (Apollo's default). */
const NOT_ANSWERED = new Set(['PERSISTED_QUERY_NOT_SUPPORTED']);

const CODE_PATTERNS = [
  /\bcode: '([A-Z][A-Z0-9_]+)'/g, // extensions: { code: 'X' }
  /\bcode === '([A-Z][A-Z0-9_]+)'/g, // codes the error formatter passes through
  /^\s+([A-Z][A-Z0-9_]+): '\1',$/gm, // the closed set (ErrorCode in shared/errors.ts)
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !/[/\\](__generated__|testing)[/\\]/.test(file));
}

/** Every code the router's and the subgraphs' sources can put into an answer. */
async function codesInSources(): Promise<Map<string, string>> {
  const dirs = [path.join(repoRoot, 'router', 'src'), path.join(repoRoot, 'subgraphs')];
  const files = (await Promise.all(dirs.map(sourceFiles)))
    .flat()
    .filter((f) => f.includes(`${path.sep}src${path.sep}`));
  const codes = new Map<string, string>();
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const pattern of CODE_PATTERNS) {
      for (const [, code] of text.matchAll(pattern)) {
        if (code && !NOT_GRAPHQL.has(code)) codes.set(code, path.relative(repoRoot, file));
      }
    }
  }
  return codes;
}

/** Apollo Server's own codes, from the copy the router runs. */
function apolloServerCodes(): string[] {
  const fromRouter = createRequire(path.join(repoRoot, 'router', 'package.json'));
  const { ApolloServerErrorCode } = fromRouter('@apollo/server/errors') as {
    ApolloServerErrorCode: Record<string, string>;
  };
  return Object.values(ApolloServerErrorCode).filter((code) => !NOT_ANSWERED.has(code));
}

/** The codes in the first column of the README's "Errors" table. */
async function documentedCodes(): Promise<Set<string>> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Errors\n')) ?? '';
  return new Set([...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map(([, code]) => code ?? ''));
}

describe('README error codes', () => {
  it('names every code the sources answer with', async () => {
    const documented = await documentedCodes();
    const sources = await codesInSources();
    // The scan must keep finding the codes it is there for, or it would pass by finding nothing.
    expect([...sources.keys()]).toEqual(
      expect.arrayContaining([
        'NOT_FOUND',
        'COST_LIMIT_EXCEEDED',
        'GRAPHQL_PARSE_FAILED',
        'SUBSCRIPTION_UPSTREAM_FAILED',
      ]),
    );
    const missing = [...sources].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing, 'codes answered but missing from the README "Errors" table').toEqual([]);
  });

  it('names every code Apollo Server answers with by itself', async () => {
    const documented = await documentedCodes();
    const codes = apolloServerCodes();
    expect(codes).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
  });
});
