// Generates the three Prisma clients (each into prisma/<name>/generated).
// `prisma generate` insists on locating a schema-engine binary although it never runs it; offline it would try to
// download one, so we point PRISMA_SCHEMA_ENGINE_BINARY at any existing file (this Node binary).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const prismaCli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
for (const name of ['auth', 'plants', 'notifications']) {
  const schema = path.join(root, 'prisma', name, 'schema.prisma');
  const r = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    env,
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) {
    console.error(`prisma generate failed for ${name}`);
    process.exit(r.status ?? 1);
  }
}
