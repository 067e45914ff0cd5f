/**
 * `npm run generate` (also run at install): for every subgraph of supergraph.yaml, its Prisma client (from
 * prisma/<name>/schema.prisma into subgraphs/<name>/src/__generated__/prisma) and its typed resolvers (codegen.ts).
 * Generated files are ignored by git, so they can never be stale on a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';
import codegenConfig from '../codegen.js';

// `prisma generate` insists on locating a schema-engine binary although it never runs it; offline it would try to
// download one, so we point PRISMA_SCHEMA_ENGINE_BINARY at any existing file (this Node binary).
const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

for (const { name } of subgraphs()) {
  const schema = path.join(repoRoot, 'prisma', name, 'schema.prisma');
  const run = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: repoRoot,
  });
  if (run.status !== 0) {
    console.error(`prisma generate failed for ${name}`);
    process.exit(run.status ?? 1);
  }
}
await generate({ ...codegenConfig, cwd: repoRoot }, true);
console.log(
  `generated Prisma clients and resolver types for ${subgraphs()
    .map((s) => s.name)
    .join(', ')}`,
);
